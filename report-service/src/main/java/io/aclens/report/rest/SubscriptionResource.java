package io.aclens.report.rest;

import io.aclens.auth.Roles;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.SubscriptionRequest;
import io.aclens.contracts.api.SubscriptionView;
import io.aclens.report.delivery.DeliveryPlanner;
import io.aclens.report.delivery.SubscriptionRequests;
import io.aclens.report.repository.DeliveryRepository;
import io.aclens.report.repository.SubscriptionRepository;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.security.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Who receives a client's package, the delivery log, "run now" and "send again". */
// the class path stays /api/v1: a longer one would win JAX-RS' root-resource match for every /clients/{clientId}/... path
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION})
public class SubscriptionResource {
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DeliveryPlanner planner;
    private final Callers callers;

    public SubscriptionResource(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DeliveryPlanner planner, Callers callers) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.planner = planner;
        this.callers = callers;
    }

    @GET
    @Path("/clients/{clientId}/subscriptions")
    public Uni<List<SubscriptionView>> list(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        Instant now = Instant.now();
        return subscriptions.ofClient(clientId).map(all -> all.stream().map(s -> SubscriptionRequests.toView(s, now)).toList());
    }

    /** Creates or replaces a subscription; its schedule applies from now on. */
    @PUT
    @Path("/clients/{clientId}/subscriptions/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<SubscriptionView> put(@PathParam("clientId") String clientId, @PathParam("name") String name, SubscriptionRequest request) {
        callers.scope().require(clientId);
        if (request == null) {
            throw ProblemException.badRequest("A subscription needs at least its recipients: {\"to\": [\"director@client.example\"]}");
        }
        SubscriptionRepository.Subscription subscription;
        try {
            subscription = SubscriptionRequests.toSubscription(clientId, name, request);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return subscriptions.save(subscription).map(saved -> SubscriptionRequests.toView(saved, Instant.now()));
    }

    @DELETE
    @Path("/clients/{clientId}/subscriptions/{name}")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<Response> delete(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        callers.scope().require(clientId);
        return subscriptions.delete(clientId, name).map(found -> {
            if (!found) {
                throw ProblemException.notFound("No subscription " + name + " for client " + clientId);
            }
            return Response.noContent().build();
        });
    }

    /** "Run now": a package with the changes since the subscription's previous one, sent within seconds. */
    @POST
    @Path("/clients/{clientId}/subscriptions/{name}/deliveries")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<Response> runNow(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        callers.scope().require(clientId);
        return subscriptions.find(clientId, name).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("No subscription " + name + " for client " + clientId);
            }
            DeliveryRepository.NewDelivery delivery = planner.runNow(clientId, name, Instant.now());
            return deliveries.ensure(delivery).chain(() -> deliveries.find(clientId, name, delivery.period()))
                    .map(view -> Response.accepted(view.orElseThrow()).build());
        });
    }

    @GET
    @Path("/clients/{clientId}/deliveries")
    public Uni<List<DeliveryView>> deliveries(@PathParam("clientId") String clientId, @QueryParam("limit") @DefaultValue("100") int limit) {
        callers.scope().require(clientId);
        return deliveries.ofClient(clientId, Math.max(1, Math.min(limit, 1000)));
    }

    /** "Send again": the same package (period, Message-ID) goes out once more. */
    @POST
    @Path("/clients/{clientId}/deliveries/{deliveryId}/resend")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<DeliveryView> resend(@PathParam("clientId") String clientId, @PathParam("deliveryId") long deliveryId) {
        callers.scope().require(clientId);
        return deliveries.resend(clientId, deliveryId).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("No delivery " + deliveryId + " of client " + clientId + " that is not being sent right now")));
    }
}
