package io.aclens.diff.client;

import io.aclens.contracts.api.DirectoryReadApi;
import io.aclens.contracts.api.SnapshotReadApi;
import io.aclens.support.security.ServiceTokenHeaders;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The snapshot service's read API as the snapshot service defines it in contracts, called with the service token. */
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "snapshot-service")
@Path("/api/v1")
public interface SnapshotServiceClient extends SnapshotReadApi, DirectoryReadApi {
}
