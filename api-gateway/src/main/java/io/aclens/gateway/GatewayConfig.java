package io.aclens.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where the services are, and how often their OpenAPI documents are read again. */
@ConfigMapping(prefix = "aclens.gateway")
public interface GatewayConfig {
    /** Each service's base URL by its name; their documents are merged in this order. */
    Map<String, URI> upstreams();

    /** How often a complete catalog is read again, so that a redeployed service's new endpoints appear. */
    @WithDefault("30s")
    Duration refresh();

    /** How long to wait for a service to accept a connection. */
    @WithDefault("3s")
    Duration connectTimeout();
}
