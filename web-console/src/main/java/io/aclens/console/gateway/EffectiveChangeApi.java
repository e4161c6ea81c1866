package io.aclens.console.gateway;

import io.aclens.contracts.api.EffectiveChangeReadApi;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The API's what people gained or lost, as the signed-in user: the contracts' interface, only registered here. */
@RegisterRestClient(configKey = "aclens-api")
@RegisterClientHeaders(CallerHeaders.class)
public interface EffectiveChangeApi extends EffectiveChangeReadApi {
}
