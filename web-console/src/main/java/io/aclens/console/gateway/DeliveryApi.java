package io.aclens.console.gateway;

import io.aclens.contracts.api.DeliveryReadApi;
import io.aclens.contracts.api.DeliveryWriteApi;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The API's subscriptions and delivery log, as the signed-in user: the contracts' interfaces, only registered here. */
@RegisterRestClient(configKey = "aclens-api")
@RegisterClientHeaders(CallerHeaders.class)
public interface DeliveryApi extends DeliveryReadApi, DeliveryWriteApi {
}
