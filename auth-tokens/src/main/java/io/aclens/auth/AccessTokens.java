package io.aclens.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issues the bearer tokens ACLens verifies without a network call: JWTs signed (RS256) with the MSP's own private
 * key, verified by each service with the public key alone. A token names its role ({@code groups}), the clients it
 * may see ({@code clients}; every client for the MSP's own roles), a unique id ({@code jti}) and when it expires.
 */
public final class AccessTokens {
    public static final String ISSUER = "aclens";
    public static final String CLIENTS_CLAIM = "clients";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final PrivateKey signingKey;

    private AccessTokens(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** A token to issue; {@code name} says who holds it (a person, an agent's host, a service). */
    public record Request(String name, String role, List<String> clients, Duration validFor) {
        public Request {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + Roles.ALL);
            }
            clients = clients == null ? List.of() : List.copyOf(clients);
            if (Roles.CLIENT_BOUND.contains(role) && clients.isEmpty()) {
                throw new IllegalArgumentException("A token of role " + role + " names the client(s) it may see (--client)");
            }
        }
    }

    /** An issued token: the id to revoke it by, and the compact JWT to send as {@code Authorization: Bearer …}. */
    public record Issued(String tokenId, Instant expiresAt, String token) {
    }

    public static AccessTokens signingWith(PrivateKey key) {
        return new AccessTokens(key);
    }

    /** Signs with the PKCS#8 PEM private key in {@code file} ({@link #generateKeyPair} writes one). */
    public static AccessTokens signingWith(Path privateKeyPem) throws IOException {
        return new AccessTokens(readPrivateKey(Files.readString(privateKeyPem, StandardCharsets.US_ASCII)));
    }

    public Issued issue(Request request) {
        return issue(request, Instant.now());
    }

    /** @param issuedAt when the token starts (a past instant makes an already expired token, as tests need) */
    public Issued issue(Request request, Instant issuedAt) {
        String tokenId = UUID.randomUUID().toString();
        Instant expiresAt = issuedAt.plus(request.validFor());
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(request.name()).upn(request.name()).groups(Set.of(request.role()))
                .claim("jti", tokenId).issuedAt(issuedAt).expiresAt(expiresAt);
        if (!request.clients().isEmpty()) {
            claims.claim(CLIENTS_CLAIM, request.clients());
        }
        return new Issued(tokenId, expiresAt, claims.jws().sign(signingKey));
    }

    /** Writes a new RSA key pair into {@code dir} (the private key readable by its owner only); returns the public key's file. */
    public static Path generateKeyPair(Path dir) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is always available", e);
        }
        Files.createDirectories(dir);
        Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions protect it
        }
        Path publicKey = dir.resolve(PUBLIC_KEY_FILE);
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return publicKey;
    }

    public static PrivateKey readPrivateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PKCS#8 PEM RSA private key", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
