package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FolderStateHashTest {

    @Test
    void theFingerprintsBitsAreItsHexDigitsInOrder() {
        String state = FolderStateHash.of(2, "S-1-22-1-0", "S-1-22-2-0", false, AclHash.of(java.util.List.of()), null, null);
        String hex = FolderStateHash.fingerprint("/srv/Финансы", state);
        FolderStateHash.Fingerprint bits = FolderStateHash.fingerprintBits("/srv/Финансы", state);

        assertThat(HexFormat.of().toHexDigits(bits.high()) + HexFormat.of().toHexDigits(bits.low())).isEqualTo(hex);
        assertThat(FolderStateHash.fingerprintBits("/srv/Sales", state)).isNotEqualTo(bits);
    }

    @Test
    void eachThreadHashesWithItsOwnDigest() {
        String expected = AclHash.hex("the same text");
        CompletableFuture<?>[] hashing = new CompletableFuture<?>[4];
        for (int t = 0; t < hashing.length; t++) {
            hashing[t] = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20_000; i++) {
                    assertThat(AclHash.hex("the same text")).isEqualTo(expected);
                    AclHash.hex("other text " + i);
                }
            });
        }
        CompletableFuture.allOf(hashing).join();
    }
}
