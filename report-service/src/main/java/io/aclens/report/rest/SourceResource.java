package io.aclens.report.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.report.repository.SourceStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Which snapshot of each source the client's next report will show. */
@Path("/api/v1/clients/{clientId}/report-sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class SourceResource {
    private final Callers callers;
    private final SourceStateRepository sources;

    public SourceResource(SourceStateRepository sources, Callers callers) {
        this.callers = callers;
        this.sources = sources;
    }

    public record SourceState(String sourceId, long latestSnapshotId) {
    }

    @GET
    public Uni<List<SourceState>> sources(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return sources.latestSnapshots(clientId)
                .map(latest -> latest.entrySet().stream().map(e -> new SourceState(e.getKey(), e.getValue())).toList());
    }
}
