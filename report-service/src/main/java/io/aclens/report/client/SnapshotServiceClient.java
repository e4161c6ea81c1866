package io.aclens.report.client;

import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import io.aclens.support.security.ServiceTokenHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Blocking calls: reports are built on worker threads. */
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "snapshot-service")
@Path("/api/v1")
public interface SnapshotServiceClient {

    @GET
    @Path("/snapshots/{snapshotId}")
    SnapshotView snapshot(@PathParam("snapshotId") long snapshotId);

    @GET
    @Path("/snapshots/{snapshotId}/folders")
    FolderPage folders(@PathParam("snapshotId") long snapshotId, @QueryParam("after") String after, @QueryParam("limit") int limit);

    @GET
    @Path("/clients/{clientId}/directory")
    List<DirectoryEntry> directory(@PathParam("clientId") String clientId);

    @GET
    @Path("/clients/{clientId}/principals")
    List<Principal> principals(@PathParam("clientId") String clientId);
}
