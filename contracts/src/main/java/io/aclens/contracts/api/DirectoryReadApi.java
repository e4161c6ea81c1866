package io.aclens.contracts.api;

import io.aclens.access.directory.DirectoryEntry;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The snapshot service's directory state with history, read-only, defined once (see {@link SnapshotReadApi}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface DirectoryReadApi {
    /** Every directory's current users and groups; {@code exclude} leaves one directory out. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/directory")
    Uni<List<DirectoryEntry>> directory(@PathParam("clientId") String clientId, @QueryParam("exclude") String excludedDirectoryId);

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/directory-snapshots")
    Uni<List<DirectorySnapshotView>> directorySnapshots(@PathParam("clientId") String clientId);

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/directory-snapshots/{id}")
    Uni<DirectorySnapshotView> directorySnapshot(@PathParam("id") long id);

    /** The users and groups of the snapshot's directory as that snapshot saw them. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/directory-snapshots/{id}/entries")
    Uni<List<DirectoryEntry>> directoryEntries(@PathParam("id") long id);

    /** What became of a directory sync: its snapshot once committed. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/directory-syncs/{syncId}/snapshot")
    Uni<DirectorySyncView> directorySync(@PathParam("syncId") String syncId);
}
