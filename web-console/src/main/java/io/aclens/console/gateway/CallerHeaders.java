package io.aclens.console.gateway;

import io.aclens.console.security.ConsoleUser;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Every API call the console makes carries the signed-in user's own token, never a token of the console's. */
@ApplicationScoped
public class CallerHeaders implements ClientHeadersFactory {
    private final CurrentIdentityAssociation identity;
    private final CallerTokens tokens;

    public CallerHeaders(CurrentIdentityAssociation identity, CallerTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        ConsoleUser user = ConsoleUser.of(identity.getIdentity());
        if (user == null) {
            throw new IllegalStateException("The console calls the API only for a signed-in user");
        }
        outgoing.putSingle("Authorization", "Bearer " + tokens.tokenFor(user));
        return outgoing;
    }
}
