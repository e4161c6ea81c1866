package io.aclens.contracts.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The report service's subscriptions and delivery log, read-only, defined once (see {@link SnapshotReadApi}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface DeliveryReadApi {
    /** The client's subscriptions, each with the next time its schedule fires. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/subscriptions")
    Uni<List<SubscriptionView>> subscriptions(@PathParam("clientId") String clientId);

    /** The client's packages, newest first. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/deliveries")
    Uni<List<DeliveryView>> deliveries(@PathParam("clientId") String clientId, @QueryParam("limit") @DefaultValue("100") int limit);
}
