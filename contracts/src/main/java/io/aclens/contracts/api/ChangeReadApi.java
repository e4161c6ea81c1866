package io.aclens.contracts.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The diff service's permission changes, read-only, defined once (see {@link SnapshotReadApi}): what changed in the
 * folders' entries, and what it made of each snapshot.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ChangeReadApi {
    /** A client's permission changes detected in [from, to) (ISO instants); the last 30 days by default. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/changes")
    Uni<List<ChangeView>> changes(@PathParam("clientId") String clientId, @QueryParam("sourceId") String sourceId,
                                  @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/change-sets")
    Uni<List<ChangeSetView>> changeSets(@PathParam("clientId") String clientId);

    /** What the diff service made of a snapshot: its change count, or that it was the source's baseline. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/change-sets/{snapshotId}")
    Uni<ChangeSetView> changeSet(@PathParam("snapshotId") long snapshotId);
}
