package io.aclens.contracts.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What MSP staff change about a client's deliveries — subscriptions, "run now", "send again" — defined once beside
 * {@link DeliveryReadApi}: the report service serves it, the console calls it, the contract test checks both agree.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface DeliveryWriteApi {
    /** Creates or replaces a subscription; a request the service refuses is a 400 problem naming every mistake. */
    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/subscriptions/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<SubscriptionView> saveSubscription(@PathParam("clientId") String clientId, @PathParam("name") String name, SubscriptionRequest request);

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/subscriptions/{name}")
    Uni<Void> deleteSubscription(@PathParam("clientId") String clientId, @PathParam("name") String name);

    /** "Run now": a package with the changes since the subscription's previous one, accepted (202) and sent within seconds. */
    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/subscriptions/{name}/deliveries")
    Uni<DeliveryView> runNow(@PathParam("clientId") String clientId, @PathParam("name") String name);

    /** "Send again": the same package (period, Message-ID) goes out once more. */
    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/deliveries/{deliveryId}/resend")
    Uni<DeliveryView> resend(@PathParam("clientId") String clientId, @PathParam("deliveryId") long deliveryId);
}
