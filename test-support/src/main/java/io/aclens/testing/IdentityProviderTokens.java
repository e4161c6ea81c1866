package io.aclens.testing;

import io.aclens.auth.AccessTokens;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;

/**
 * Tokens as the MSP's own identity provider (Keycloak, Entra ID) would issue them: its issuer, its key, an audience, and
 * the roles in its {@code roles} claim. The services' test profile trusts this provider as the second issuer.
 */
public final class IdentityProviderTokens {
    public static final String ISSUER = "https://idp.msp.test/realms/staff";
    public static final String AUDIENCE = "aclens";
    private static final PrivateKey PROVIDER_KEY = AccessTokens.readPrivateKey(resource("aclens-test-idp-private.pem"));
    private static final PrivateKey ACLENS_TEST_KEY = AccessTokens.readPrivateKey(resource("aclens-test-jwt-private.pem"));

    private IdentityProviderTokens() {
    }

    public static String token(String role, String... clients) {
        return sign(ISSUER, AUDIENCE, PROVIDER_KEY, role, clients);
    }

    /** The provider's issuer on a token signed with another key (ACLens' own). */
    public static String withForeignKey(String role) {
        return sign(ISSUER, AUDIENCE, ACLENS_TEST_KEY, role);
    }

    /** A token of the provider meant for another application. */
    public static String forAnotherAudience(String role) {
        return sign(ISSUER, "payroll-app", PROVIDER_KEY, role);
    }

    /** ACLens' issuer on a token signed with the provider's key. */
    public static String claimingAclens(String role) {
        return sign(AccessTokens.ISSUER, AUDIENCE, PROVIDER_KEY, role);
    }

    private static String sign(String issuer, String audience, PrivateKey key, String role, String... clients) {
        var claims = Jwt.issuer(issuer).audience(audience).subject("staff@msp.test").upn("staff@msp.test").claim("roles", List.of(role))
                .claim("jti", UUID.randomUUID().toString()).expiresIn(3600);
        if (clients.length > 0) {
            claims.claim(AccessTokens.CLIENTS_CLAIM, List.of(clients));
        }
        return claims.jws().sign(key);
    }

    private static String resource(String name) {
        try (InputStream in = IdentityProviderTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
