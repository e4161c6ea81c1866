package io.aclens.console.gateway;

import io.aclens.contracts.api.AccessReadApi;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The API's who can access what, the matrix, findings, as the signed-in user: the contracts' interface, only registered here. */
@RegisterRestClient(configKey = "aclens-api")
@RegisterClientHeaders(CallerHeaders.class)
public interface AccessApi extends AccessReadApi {
}
