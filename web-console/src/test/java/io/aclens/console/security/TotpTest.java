package io.aclens.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238's SHA-1 test key, "12345678901234567890". */
    private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void codesAreThoseOfRfc6238() {
        // the RFC's 8-digit values 94287082, 07081804, 14050471, 89005924 end in these 6 digits
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndOnlyOnce() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-12-03T10:00:10Z");
        long step = Totp.stepAt(now);

        assertThat(Totp.verify(secret, Totp.code(secret, step), now, 0)).isEqualTo(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, 0)).as("a clock half a minute behind").isEqualTo(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, 0)).isEqualTo(-1);
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).as("used already").isEqualTo(-1);
        assertThat(Totp.verify(secret, "12345", now, 0)).isEqualTo(-1);
        assertThat(Totp.verify(secret, null, now, 0)).isEqualTo(-1);
        assertThat(Totp.uri(secret, "anna@msp.example")).startsWith("otpauth://totp/ACLens:anna%40msp.example?secret=" + secret);
    }
}
