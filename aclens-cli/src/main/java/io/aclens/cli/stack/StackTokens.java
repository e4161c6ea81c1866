package io.aclens.cli.stack;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The MSP's key pair for a stack started by the command, kept in its data folder ({@code ./.aclens/auth}) so tokens
 * printed by one run stay valid in the next: the services verify with the public key, the command signs with the
 * private one (the operator's own tokens, the services' token, an agent's).
 */
public final class StackTokens {
    private static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofDays(30);
    private static final Duration OPERATOR_TOKEN_LIFETIME = Duration.ofHours(12);

    private final Path publicKey;
    private final AccessTokens signer;
    private final String serviceToken;
    private final String operatorToken;

    private StackTokens(Path publicKey, AccessTokens signer) {
        this.publicKey = publicKey;
        this.signer = signer;
        this.serviceToken = issue("aclens-services", Roles.SERVICE, List.of(), SERVICE_TOKEN_LIFETIME);
        this.operatorToken = issue("aclens-command", Roles.MSP_ADMIN, List.of(), OPERATOR_TOKEN_LIFETIME);
    }

    /** The key pair in {@code dir}, made there the first time. */
    public static StackTokens open(Path dir) {
        try {
            Path privateKey = dir.resolve(AccessTokens.PRIVATE_KEY_FILE);
            Path publicKey = Files.exists(privateKey) ? dir.resolve(AccessTokens.PUBLIC_KEY_FILE) : AccessTokens.generateKeyPair(dir);
            return new StackTokens(publicKey, AccessTokens.signingWith(privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the token keys in " + dir, e);
        }
    }

    public Path publicKey() {
        return publicKey;
    }

    /**
     * The key the collector seals registered sources' passwords with (32 random bytes, base64), made beside the token keys
     * the first time; the database never holds it.
     */
    public Path collectorSecretKey() {
        return randomKeyFile("collector-secret-key");
    }

    /** The MSP's private key: the web console signs its signed-in users' API tokens with it. */
    public Path privateKey() {
        return publicKey.resolveSibling(AccessTokens.PRIVATE_KEY_FILE);
    }

    /** The key of the web console's session cookies, kept like the collector's, so sessions survive a restart of the stack. */
    public String consoleSessionKey() {
        Path key = randomKeyFile("console-session-key");
        try {
            return Files.readString(key, java.nio.charset.StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the console's session key " + key, e);
        }
    }

    /** 32 random bytes (base64) in a file beside the token keys, readable by its owner only, made the first time. */
    private Path randomKeyFile(String name) {
        Path key = publicKey.resolveSibling(name);
        try {
            if (!Files.exists(key)) {
                byte[] bytes = new byte[32];
                new java.security.SecureRandom().nextBytes(bytes);
                Files.writeString(key, java.util.Base64.getEncoder().encodeToString(bytes), java.nio.charset.StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the key " + key, e);
        }
    }

    /** The revocation list the services read (./aclens token revoke writes it). */
    public Path revokedTokens() {
        return publicKey.resolveSibling(io.aclens.auth.RevokedTokens.FILE);
    }

    /** What the services send each other. */
    public String serviceToken() {
        return serviceToken;
    }

    /** What the command itself sends (demo, benchmarks, tests): the MSP's administrator. */
    public String operatorToken() {
        return operatorToken;
    }

    public String issue(String name, String role, List<String> clients, Duration validFor) {
        return signer.issue(new AccessTokens.Request(name, role, clients, validFor)).token();
    }

    /** A token of this stack's key that expired an hour ago (to show it is refused). */
    public String expired(String name, String role, List<String> clients) {
        return signer.issue(new AccessTokens.Request(name, role, clients, Duration.ofMinutes(1)), java.time.Instant.now().minus(Duration.ofHours(1)))
                .token();
    }
}
