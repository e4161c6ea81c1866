package io.aclens.access.nt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SidTest {

    @Test
    void binaryAndStringFormsRoundTrip() {
        byte[] administrators = HexFormat.of().parseHex("01020000000000052000000020020000");

        assertThat(Sid.fromBytes(administrators)).hasToString("S-1-5-32-544");
        assertThat(Sid.parse("S-1-5-32-544").toBytes()).isEqualTo(administrators);
        Sid user = Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1013");
        assertThat(Sid.fromBytes(user.toBytes())).isEqualTo(user);
        assertThat(user.parent().child(512)).hasToString("S-1-5-21-3623811015-3361044348-30300820-512");
        assertThat(user.relativeId()).isEqualTo(1013);
    }

    @Test
    void malformedSidsAreRefused() {
        assertThatThrownBy(() -> Sid.parse("S-2-5")).hasMessageContaining("Not a SID");
        assertThatThrownBy(() -> Sid.parse("S-1-5-4294967296")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Sid.fromBytes(new byte[]{1, 5, 0, 0, 0, 0, 0, 5})).hasMessageContaining("truncated");
    }
}
