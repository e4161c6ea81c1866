package io.aclens.diff.client;

import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import io.aclens.support.security.ServiceTokenHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "snapshot-service")
@Path("/api/v1")
public interface SnapshotServiceClient {

    @GET
    @Path("/snapshots/{snapshotId}/delta")
    Uni<DeltaPage> delta(@PathParam("snapshotId") long snapshotId, @QueryParam("after") String after, @QueryParam("limit") int limit);

    @GET
    @Path("/snapshots/{snapshotId}")
    Uni<SnapshotView> snapshot(@PathParam("snapshotId") long snapshotId);

    @GET
    @Path("/clients/{clientId}/principals")
    Uni<List<Principal>> principals(@PathParam("clientId") String clientId);

    @GET
    @Path("/clients/{clientId}/snapshots")
    Uni<List<SnapshotView>> snapshots(@PathParam("clientId") String clientId);

    @GET
    @Path("/snapshots/{snapshotId}/folders")
    Uni<FolderPage> folders(@PathParam("snapshotId") long snapshotId, @QueryParam("after") String after, @QueryParam("limit") int limit);

    @GET
    @Path("/clients/{clientId}/directory")
    Uni<List<DirectoryEntry>> directory(@PathParam("clientId") String clientId, @QueryParam("exclude") String excludedDirectoryId);

    @GET
    @Path("/directory-snapshots/{id}/entries")
    Uni<List<DirectoryEntry>> directoryEntries(@PathParam("id") long directorySnapshotId);
}
