package io.aclens.report.client;

import io.aclens.contracts.api.ChangeReadApi;
import io.aclens.contracts.api.EffectiveChangeReadApi;
import io.aclens.support.security.ServiceTokenHeaders;
import jakarta.ws.rs.Path;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The diff service's read API as the diff service defines it in contracts, called with the service token. */
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "diff-service")
@Path("/api/v1")
public interface DiffServiceClient extends ChangeReadApi, EffectiveChangeReadApi {
    /** How long a report or an alert check (worker threads) waits: longer than the client's own 2 min read timeout. */
    Duration WAIT = Duration.ofMinutes(3);
}
