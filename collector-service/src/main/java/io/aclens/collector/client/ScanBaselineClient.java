package io.aclens.collector.client;

import io.aclens.contracts.api.ScanBaselineApi;
import io.aclens.support.security.ServiceTokenHeaders;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The snapshot service's {@link ScanBaselineApi}: what a rescan compares with. */
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "snapshot-service")
@Path("/api/v1")
public interface ScanBaselineClient extends ScanBaselineApi {
}
