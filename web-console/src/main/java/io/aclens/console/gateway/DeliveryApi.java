package io.aclens.console.gateway;

import io.aclens.contracts.api.DeliveryReadApi;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The API's subscriptions and delivery log, as the signed-in user: the contracts' interface, only registered here. */
@RegisterRestClient(configKey = "aclens-api")
@RegisterClientHeaders(CallerHeaders.class)
public interface DeliveryApi extends DeliveryReadApi {
}
