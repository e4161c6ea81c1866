package io.aclens.support.security;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the bearer token says. Resolve the scope at the start of an endpoint and use the value in
 * reactive callbacks (the request's beans are not there once work moves to another thread).
 */
@RequestScoped
public class Callers {
    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public ClientScope scope() {
        if (identity.isAnonymous()) {
            return new ClientScope(false, Set.of());
        }
        boolean all = Roles.ALL_CLIENTS.stream().anyMatch(identity::hasRole);
        Set<String> clients = new HashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(AccessTokens.CLIENTS_CLAIM) != null) {
            Object claim = jwt.getClaim(AccessTokens.CLIENTS_CLAIM);
            if (claim instanceof Iterable<?> values) {
                values.forEach(value -> clients.add(unquoted(String.valueOf(value))));
            } else {
                clients.add(unquoted(String.valueOf(claim)));
            }
        }
        return new ClientScope(all, clients);
    }

    /** JSON-P string values print with their quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
