package io.aclens.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.Roles;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerAwarePrincipalFactoryTest {
    @TempDir
    static Path keys;
    static AccessTokens signer;
    static JWTAuthContextInfo context;

    @BeforeAll
    static void keys() throws Exception {
        Path publicKey = AccessTokens.generateKeyPair(keys);
        signer = AccessTokens.signingWith(keys.resolve(AccessTokens.PRIVATE_KEY_FILE));
        context = new JWTAuthContextInfo(KeyUtils.decodePublicKey(Files.readString(publicKey)), AccessTokens.ISSUER);
        context.setClockSkew(0);
    }

    private static IssuerAwarePrincipalFactory factory() {
        return new IssuerAwarePrincipalFactory(Optional.empty(), Optional.empty(), Optional.empty(), "roles");
    }

    @Test
    void aTokenVerifiedOnceAnswersTheNextCallsUntilItExpires() throws Exception {
        IssuerAwarePrincipalFactory factory = factory();
        // valid for two more seconds
        String token = signer.issue(new AccessTokens.Request("ops", Roles.MSP_OPERATOR, List.of(), Duration.ofMinutes(1)),
                Instant.now().minus(Duration.ofSeconds(58))).token();

        JWTCallerPrincipal first = factory.parse(token, context);
        assertThat(factory.parse(token, context)).as("kept, not verified again").isSameAs(first);

        Instant expiry = Instant.ofEpochSecond(first.getExpirationTime());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
        assertThatThrownBy(() -> factory.parse(token, context)).as("an expired token is verified again, and refused")
                .isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() throws Exception {
        IssuerAwarePrincipalFactory factory = factory();
        String token = signer.issue(new AccessTokens.Request("ops", Roles.MSP_OPERATOR, List.of(), Duration.ofMinutes(5))).token();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> factory.parse(forged, context)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> factory.parse(forged, context)).isInstanceOf(ParseException.class);
        assertThat(factory.parse(token, context).getName()).isEqualTo("ops");
    }
}
