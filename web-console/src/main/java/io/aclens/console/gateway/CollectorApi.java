package io.aclens.console.gateway;

import io.aclens.contracts.api.CollectorReadApi;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The API's the clients and the pipeline's lag, as the signed-in user: the contracts' interface, only registered here. */
@RegisterRestClient(configKey = "aclens-api")
@RegisterClientHeaders(CallerHeaders.class)
public interface CollectorApi extends CollectorReadApi {
}
