package io.aclens.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two issuers: ACLens' own tokens, verified as {@code mp.jwt.*} says with the MSP's public key, and — when
 * {@code aclens.auth.oidc.issuer} is set — the MSP's identity provider (Entra ID, Keycloak), verified with the keys it
 * publishes ({@code aclens.auth.oidc.keys-location}: its JWKS URL, or a file), its audience, and the roles read from its
 * claim ({@code aclens.auth.oidc.roles-claim}). The role names and the {@code clients} claim mean the same for both.
 * The issuer is read from the token only to choose which verification to run; each has its own parser because a parser
 * keeps the first verification keys it resolved.
 * <p>
 * A token verified once is kept, by its exact text, until it expires or for {@link #REMEMBERED} at most: verifying its
 * signature and claims was about a sixth of a query's CPU, and a caller sends the same token with every call. Nothing
 * about a verified token changes but time, so a kept one is used only while it has not expired; revocation is checked on
 * every call after this ({@link RevocationCheck}).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuerAwarePrincipalFactory extends JWTCallerPrincipalFactory {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final Cache<String, JWTCallerPrincipal> verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBERED).build();
    private final JWTCallerPrincipalFactory own = new DefaultJWTCallerPrincipalFactory();
    private final JWTCallerPrincipalFactory provider = new DefaultJWTCallerPrincipalFactory();
    private final Optional<String> providerIssuer;
    private final Optional<String> providerKeys;
    private final Optional<String> providerAudience;
    private final String providerRolesClaim;

    public IssuerAwarePrincipalFactory(@ConfigProperty(name = "aclens.auth.oidc.issuer") Optional<String> providerIssuer,
                                       @ConfigProperty(name = "aclens.auth.oidc.keys-location") Optional<String> providerKeys,
                                       @ConfigProperty(name = "aclens.auth.oidc.audience") Optional<String> providerAudience,
                                       @ConfigProperty(name = "aclens.auth.oidc.roles-claim", defaultValue = "roles") String providerRolesClaim) {
        if (providerIssuer.isPresent() && providerKeys.isEmpty()) {
            throw new IllegalStateException("aclens.auth.oidc.issuer is set without aclens.auth.oidc.keys-location (the provider's JWKS URL)");
        }
        this.providerIssuer = providerIssuer;
        this.providerKeys = providerKeys;
        this.providerAudience = providerAudience;
        this.providerRolesClaim = providerRolesClaim;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo ownContext) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() > Instant.now().getEpochSecond()) {
            return known;
        }
        JWTCallerPrincipal principal = verify(token, ownContext);
        verified.put(token, principal);
        return principal;
    }

    private JWTCallerPrincipal verify(String token, JWTAuthContextInfo ownContext) throws ParseException {
        if (providerIssuer.isPresent() && providerIssuer.get().equals(issuerOf(token))) {
            return provider.parse(token, providerContext(ownContext));
        }
        return own.parse(token, ownContext);
    }

    private JWTAuthContextInfo providerContext(JWTAuthContextInfo ownContext) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(ownContext);
        context.setIssuedBy(providerIssuer.get());
        context.setPublicVerificationKey(null);
        context.setPublicKeyContent(null);
        context.setPublicKeyLocation(providerKeys.get());
        context.setGroupsPath(providerRolesClaim);
        context.setExpectedAudience(providerAudience.map(Set::of).orElse(null));
        return context;
    }

    /** The unverified {@code iss} of a compact JWS, or null when the token does not read as one. */
    static String issuerOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("iss").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
