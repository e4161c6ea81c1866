package io.aclens.console.gateway;

import io.aclens.contracts.api.SnapshotReadApi;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The API's snapshots (a running scan's progress is read against its source's last one), as the signed-in user. */
@RegisterRestClient(configKey = "aclens-api")
@RegisterClientHeaders(CallerHeaders.class)
public interface SnapshotApi extends SnapshotReadApi {
}
