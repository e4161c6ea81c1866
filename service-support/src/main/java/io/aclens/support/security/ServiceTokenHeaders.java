package io.aclens.support.security;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Authenticates one ACLens service to another: every REST client call carries the service token of
 * {@code aclens.auth.service-token} (a token of role {@code service}, issued by the MSP like any other).
 */
public class ServiceTokenHeaders implements ClientHeadersFactory {
    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        Optional<String> token = ConfigProvider.getConfig().getOptionalValue("aclens.auth.service-token", String.class);
        token.filter(t -> !t.isBlank()).ifPresent(t -> headers.add("Authorization", "Bearer " + t));
        return headers;
    }
}
