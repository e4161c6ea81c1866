package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.collector.config.SecretSealer;
import io.aclens.support.rest.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretSealerTest {
    private static final String KEY = SecretSealer.newKey();

    private static SecretSealer sealer(String key) {
        return new SecretSealer(java.util.Optional.ofNullable(key), java.util.Optional.empty());
    }

    @Test
    void aSealedPasswordOpensOnItsOwnRowOnlyAndNeverShowsInTheSealedBytes() {
        SecretSealer sealer = sealer(KEY);
        byte[] sealed = sealer.seal("Пароль-2026!".toCharArray(), "source acme/fs1 (smb)");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("2026");
        assertThat(sealer.open(sealed, "source acme/fs1 (smb)")).containsExactly("Пароль-2026!".toCharArray());
        assertThat(sealer.seal("Пароль-2026!".toCharArray(), "source acme/fs1 (smb)")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> sealer.open(sealed, "source globex/fs1 (smb)")).isInstanceOf(ProblemException.class)
                .hasMessageNotContaining("Пароль");
        assertThatThrownBy(() -> sealer(SecretSealer.newKey()).open(sealed, "source acme/fs1 (smb)")).isInstanceOf(ProblemException.class);
    }

    @Test
    void withoutAKeyNothingIsSealedAndTheAnswerSaysToUseAMountedFile() {
        SecretSealer sealer = sealer(null);
        assertThat(sealer.available()).isFalse();
        assertThatThrownBy(() -> sealer.seal("x".toCharArray(), "source acme/fs1 (smb)")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("passwordFile");
    }
}
