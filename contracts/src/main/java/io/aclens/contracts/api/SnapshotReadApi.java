package io.aclens.contracts.api;

import io.aclens.access.Ace;
import io.aclens.access.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The snapshot service's folder state, read-only, defined once: the snapshot service implements it, the diff and
 * report services call it through REST clients that extend it, the test stubs serve it and the command calls it — so
 * a changed path, parameter or answer breaks the build of every side instead of leaving a drifted copy.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SnapshotReadApi {
    /** The largest page of folders or delta entries one call returns. */
    int MAX_PAGE = 10_000;

    /** A client's snapshots, newest first; {@code at} (ISO instant) picks the one current then, and needs {@code sourceId}. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/snapshots")
    Uni<List<SnapshotView>> snapshots(@PathParam("clientId") String clientId, @QueryParam("sourceId") String sourceId, @QueryParam("at") String at);

    /** The accounts the client's scans named, with the names the sources gave them. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/principals")
    Uni<List<Principal>> principals(@PathParam("clientId") String clientId);

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/snapshots/{snapshotId}")
    Uni<SnapshotView> snapshot(@PathParam("snapshotId") long snapshotId);

    /** The folders of a snapshot in path-key order; pass a page's {@code next} (an opaque cursor) as {@code after}. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/snapshots/{snapshotId}/folders")
    Uni<FolderPage> folders(@PathParam("snapshotId") long snapshotId, @QueryParam("after") @DefaultValue("") String after,
                            @QueryParam("limit") @DefaultValue("1000") int limit);

    /**
     * The folders of a snapshot in path-key order without their DACLs, each naming it by hash: what a reader that holds
     * the snapshot's DACLs ({@link #acls}) needs, at a fraction of {@link #folders}' bytes. Same cursor as {@link #folders}.
     */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/snapshots/{snapshotId}/folder-refs")
    Uni<FolderRefPage> folderRefs(@PathParam("snapshotId") long snapshotId, @QueryParam("after") @DefaultValue("") String after,
                                  @QueryParam("limit") @DefaultValue("1000") int limit);

    /** Every distinct DACL of a snapshot's folders, by hash (a client's folders share a few thousand at most). */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/snapshots/{snapshotId}/acls")
    Uni<Map<String, List<Ace>>> acls(@PathParam("snapshotId") long snapshotId);

    /** The folders this snapshot changed compared with the previous snapshot of its source. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/snapshots/{snapshotId}/delta")
    Uni<DeltaPage> delta(@PathParam("snapshotId") long snapshotId, @QueryParam("after") @DefaultValue("") String after,
                         @QueryParam("limit") @DefaultValue("1000") int limit);
}
