package io.aclens.report.rest;

import io.aclens.auth.Roles;
import io.aclens.report.repository.SourceStateRepository;
import io.aclens.support.security.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeMap;

/**
 * Which snapshot of each directory the client's answers and next report use: the latest whose changes are known. A
 * caller that saw a directory's changes waits here until the answers reflect them too.
 */
@Path("/api/v1/clients/{clientId}/report-directories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class DirectoryStateResource {
    private final Callers callers;
    private final SourceStateRepository sources;

    public DirectoryStateResource(SourceStateRepository sources, Callers callers) {
        this.callers = callers;
        this.sources = sources;
    }

    public record DirectoryState(String directoryId, long latestDirectorySnapshotId) {
    }

    @GET
    public Uni<List<DirectoryState>> directories(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return sources.version(clientId).map(version -> new TreeMap<>(version.directorySnapshots()).entrySet().stream()
                .map(e -> new DirectoryState(e.getKey(), e.getValue())).toList());
    }
}
