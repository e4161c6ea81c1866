package io.aclens.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void aHashIsArgon2idWithItsOwnSaltAndParametersAndMatchesOnlyItsPassword() {
        String hash = PasswordHashes.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHashes.hash("correct horse battery")).as("a new salt each time").isNotEqualTo(hash);
        assertThat(PasswordHashes.matches("correct horse battery", hash)).isTrue();
        assertThat(PasswordHashes.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void aHashStoredWithOtherParametersStillMatchesItsPassword() {
        String salt = "c2FsdHNhbHRzYWx0c2FsdA";
        String stored = "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$"
                + java.util.Base64.getEncoder().withoutPadding().encodeToString(argon2("open sesame 123", salt));

        assertThat(PasswordHashes.matches("open sesame 123", stored)).isTrue();
        assertThat(PasswordHashes.matches("open sesame 124", stored)).isFalse();
    }

    @Test
    void whatIsNotSuchAHashMatchesNothing() {
        assertThat(PasswordHashes.matches("x", null)).isFalse();
        assertThat(PasswordHashes.matches("x", "plain text")).isFalse();
        assertThat(PasswordHashes.matches("x", "$2a$10$bcryptbcryptbcryptbcryptbcryptbcryptbcryptbcryptbcr")).isFalse();
        assertThat(PasswordHashes.matches("x", "$argon2id$v=19$m=x,t=1,p=1$AA$AA")).isFalse();
    }

    @Test
    void aNewPasswordIsLongAndNotTheAddress() {
        assertThat(PasswordHashes.weakness("eleven char", "a@b.c")).isEqualTo("too-short");
        assertThat(PasswordHashes.weakness("длинный пароль", "a@b.c")).as("counted in characters, not bytes").isNull();
        assertThat(PasswordHashes.weakness("Anna.Long@Example.test", "anna.long@example.test")).isEqualTo("is-email");
    }

    /** A hash as an older default would have made it (1 MiB, one pass). */
    private static byte[] argon2(String password, String salt) {
        org.bouncycastle.crypto.generators.Argon2BytesGenerator generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(1024).withIterations(1)
                .withParallelism(1).withSalt(java.util.Base64.getDecoder().decode(salt)).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), hash);
        return hash;
    }
}
