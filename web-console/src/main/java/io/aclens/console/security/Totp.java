package io.aclens.console.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), what every authenticator app speaks.
 * Written here rather than taken from a library: the algorithm is twenty lines of the JDK's HMAC, and none of the TOTP
 * libraries is served on these machines. A code is accepted one step early or late (clocks drift) and only once.
 */
public final class Totp {
    static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new secret, base32 as authenticator apps take it (160 bits, as RFC 4226 recommends). */
    public static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The link an authenticator app reads (typed or scanned): otpauth://totp/ACLens:{account}?secret=…&issuer=ACLens. */
    public static String uri(String secret, String account) {
        return "otpauth://totp/ACLens:" + java.net.URLEncoder.encode(account, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "?secret=" + secret + "&issuer=ACLens&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    public static long stepAt(Instant time) {
        return time.getEpochSecond() / STEP_SECONDS;
    }

    /**
     * The step {@code code} is valid for around {@code now} (one step either side), or -1; a step at or before
     * {@code lastUsedStep} is refused, so a code seen once cannot be replayed.
     */
    public static long verify(String secret, String code, Instant now, long lastUsedStep) {
        if (secret == null || code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long step = stepAt(now);
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            if (candidate > lastUsedStep && java.security.MessageDigest.isEqual(code(secret, candidate).getBytes(), code.strip().getBytes())) {
                return candidate;
            }
        }
        return -1;
    }

    /** The code an authenticator app shows at a time step. */
    public static String code(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is always available", e);
        }
    }
}
