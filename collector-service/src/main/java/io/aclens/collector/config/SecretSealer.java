package io.aclens.collector.config;

import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the passwords of registered sources and directories with AES-256-GCM under a key the database never holds
 * (a mounted secret). Each sealed value is bound to the row it belongs to (client, kind and name as associated
 * data), so a sealed password copied onto another row does not open. Errors never quote a password.
 */
@ApplicationScoped
public class SecretSealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    @jakarta.inject.Inject
    public SecretSealer(CollectorConfig config) {
        this(config.secretKey(), config.secretKeyFile());
    }

    /** @param inlineKey the key itself; else {@code keyFile}, a file holding it; neither: no passwords are stored */
    public SecretSealer(Optional<String> inlineKey, Optional<String> keyFile) {
        this.key = loadKey(inlineKey, keyFile);
    }

    /** Whether passwords can be stored here; without a key, registrations name a mounted password file instead. */
    public boolean available() {
        return key.isPresent();
    }

    public byte[] seal(char[] secret, String boundTo) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] plain = new byte[encoded.remaining()];
        encoded.get(plain);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a password: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    public char[] open(byte[] sealed, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            char[] secret = new char[decoded.remaining()];
            decoded.get(secret);
            Arrays.fill(decoded.array(), '\0');
            return secret;
        } catch (GeneralSecurityException e) {
            throw new ProblemException(500, "Sealed Password Unreadable", "The stored password of " + boundTo
                    + " does not open with this collector's key (aclens.collector.secret-key-file): register it again");
        }
    }

    /** A new key in the form the collector reads: 32 random bytes in base64. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private SecretKeySpec requireKey() {
        return key.orElseThrow(() -> new ProblemException(409, "No Secret Key", "This collector has no key to store passwords with "
                + "(aclens.collector.secret-key-file): name the password as a mounted file (passwordFile) instead"));
    }

    private static Optional<SecretKeySpec> loadKey(Optional<String> inline, Optional<String> file) {
        Optional<String> encoded = inline.filter(k -> !k.isBlank()).or(() -> file.map(Path::of).filter(Files::isReadable).map(path -> {
            try {
                return Files.readString(path, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the collector's secret key file " + path + ": " + e.getMessage());
            }
        }));
        return encoded.map(text -> {
            byte[] bytes = Base64.getDecoder().decode(text.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("The collector's secret key must be 32 bytes in base64, not " + bytes.length + " bytes");
            }
            return new SecretKeySpec(bytes, "AES");
        });
    }
}
