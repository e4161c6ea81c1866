package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.collector.service.LagMonitor;
import io.aclens.contracts.api.LagView;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every consumer group's lag in records and seconds and the dead letters, for operations ({@code ./aclens status}). */
@Path("/api/v1/ops/lag")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
public class LagResource {
    private final LagMonitor monitor;

    public LagResource(LagMonitor monitor) {
        this.monitor = monitor;
    }

    /** The latest sample, or a new one with {@code fresh=true} (or before the first). */
    @GET
    @Blocking
    public LagView lag(@QueryParam("fresh") boolean fresh) {
        return fresh || monitor.latest().sampledAt() == null ? monitor.sample() : monitor.latest();
    }
}
