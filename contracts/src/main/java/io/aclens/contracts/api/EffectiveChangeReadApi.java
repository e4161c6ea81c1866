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
 * The diff service's effective changes, read-only, defined once (see {@link SnapshotReadApi}): person by person, what
 * people gained or lost, and why.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface EffectiveChangeReadApi {
    /** What people gained or lost in [from, to), with the cause; {@code user} (SID or login) narrows it to one person. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/effective-changes")
    Uni<List<EffectiveChangeView>> effectiveChanges(@PathParam("clientId") String clientId, @QueryParam("from") String from,
                                                    @QueryParam("to") String to, @QueryParam("user") String user);

    /** What the diff service made of a directory snapshot: how many effective changes it caused. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/directory-change-sets/{directorySnapshotId}")
    Uni<DirectoryChangeSetView> directoryChangeSet(@PathParam("directorySnapshotId") long directorySnapshotId);
}
