package io.aclens.testing;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.Roles;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tokens for the services' tests, signed with the test key pair whose public half the services' test profile
 * trusts ({@code %test.mp.jwt.verify.publickey.location=aclens-test-jwt-public.pem}). Test keys, never a deployment's.
 */
public final class TestTokens {
    private static final AccessTokens SIGNER = AccessTokens.signingWith(AccessTokens.readPrivateKey(resource("aclens-test-jwt-private.pem")));

    private TestTokens() {
    }

    public static String token(String role, String... clients) {
        return issued(role, clients).token();
    }

    /** A token with its id, to revoke it. */
    public static AccessTokens.Issued issued(String role, String... clients) {
        return SIGNER.issue(new AccessTokens.Request("test-" + role, role, List.of(clients), Duration.ofHours(1)));
    }

    /** The revocation list the services' test profile reads ({@code %test.aclens.auth.revoked-tokens}). */
    public static void revoke(String tokenId) {
        try {
            new io.aclens.auth.RevokedTokens(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "aclens-test-revoked-tokens.txt"))
                    .revoke(tokenId, "# revoked by a test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A token of a role that expired an hour ago. */
    public static String expired(String role, String... clients) {
        return SIGNER.issue(new AccessTokens.Request("test-" + role, role, List.of(clients), Duration.ofMinutes(1)),
                Instant.now().minus(Duration.ofHours(1))).token();
    }

    /** A well-formed token signed with a key no service trusts. */
    public static String forged(String role, String... clients) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return AccessTokens.signingWith(generator.generateKeyPair().getPrivate())
                    .issue(new AccessTokens.Request("forger", role, List.of(clients), Duration.ofHours(1))).token();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request as the MSP's administrator: what the services' tests do unless they test access itself. */
    public static RequestSpecification given() {
        return as(token(Roles.MSP_ADMIN));
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
