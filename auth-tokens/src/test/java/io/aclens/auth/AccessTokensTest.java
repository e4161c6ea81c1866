package io.aclens.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    @Test
    void aTokenNamesItsRoleClientsIdAndExpiry(@TempDir Path dir) throws Exception {
        Path publicKey = AccessTokens.generateKeyPair(dir);
        AccessTokens.Issued issued = AccessTokens.signingWith(dir.resolve(AccessTokens.PRIVATE_KEY_FILE))
                .issue(new AccessTokens.Request("manager@acme", Roles.CLIENT_VIEWER, List.of("acme"), Duration.ofDays(90)));

        String[] parts = issued.token().split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"RS256\"");
        assertThat(claims).contains("\"iss\":\"aclens\"", "\"groups\":[\"client-viewer\"]", "\"clients\":[\"acme\"]",
                "\"jti\":\"" + issued.tokenId() + "\"", "\"exp\":" + issued.expiresAt().getEpochSecond());
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(dir.resolve(AccessTokens.PRIVATE_KEY_FILE)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aClientBoundRoleMustNameItsClientsAndRolesAreKnown() {
        assertThatThrownBy(() -> new AccessTokens.Request("x", Roles.AGENT, List.of(), Duration.ofDays(1)))
                .hasMessageContaining("names the client");
        assertThatThrownBy(() -> new AccessTokens.Request("x", "root", List.of(), Duration.ofDays(1))).hasMessageContaining("Unknown role");
    }
}
