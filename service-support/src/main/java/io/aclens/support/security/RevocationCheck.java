package io.aclens.support.security;

import io.aclens.auth.RevokedTokens;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token whose id the MSP revoked ({@code ./aclens token revoke}): the list is a file beside the public key
 * ({@code aclens.auth.revoked-tokens}), read again when it changes — still no network call.
 */
@ApplicationScoped
public class RevocationCheck implements SecurityIdentityAugmentor {
    private final RevokedTokens revoked;

    public RevocationCheck(@ConfigProperty(name = "aclens.auth.revoked-tokens") String revokedTokens) {
        this.revoked = new RevokedTokens(Path.of(revokedTokens));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && revoked.isRevoked(jwt.getTokenID())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token " + jwt.getTokenID() + " was revoked"));
        }
        return Uni.createFrom().item(identity);
    }
}
