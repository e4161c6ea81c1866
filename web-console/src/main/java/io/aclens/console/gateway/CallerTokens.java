package io.aclens.console.gateway;

import io.aclens.auth.AccessTokens;
import io.aclens.console.security.ConsoleUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer token the console sends the API for the signed-in user: signed with the MSP's key, naming the user, their role
 * and (for a client viewer) their clients, so every service scopes the answer exactly as it would for that person's own
 * token. Short-lived, and reused for a few minutes per user instead of signed per call.
 */
@ApplicationScoped
public class CallerTokens {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration REUSE = Duration.ofMinutes(5);

    private final AccessTokens signer;
    private final Map<ConsoleUserKey, AccessTokens.Issued> issued = new ConcurrentHashMap<>();

    private record ConsoleUserKey(String email, String role, java.util.List<String> clients) {
    }

    public CallerTokens(@ConfigProperty(name = "aclens.console.signing-key") Path signingKey) {
        try {
            this.signer = AccessTokens.signingWith(signingKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the console's signing key " + signingKey, e);
        }
    }

    public String tokenFor(ConsoleUser user) {
        ConsoleUserKey key = new ConsoleUserKey(user.email(), user.role(), user.clients());
        AccessTokens.Issued token = issued.compute(key, (k, current) -> current != null
                && current.expiresAt().isAfter(Instant.now().plus(LIFETIME).minus(REUSE)) ? current
                : signer.issue(new AccessTokens.Request(user.email(), user.role(), user.clients(), LIFETIME)));
        return token.token();
    }
}
