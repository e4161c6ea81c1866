package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PosixAclTest {

    /** Bytes of system.posix_acl_access after `setfacl -m u:1001:r-x,g:2001:rwx dir` on a 0750 folder. */
    private static final String KERNEL_XATTR = "02000000"
            + "01000700ffffffff" // user::rwx
            + "02000500e9030000" // user:1001:r-x
            + "04000500ffffffff" // group::r-x
            + "08000700d1070000" // group:2001:rwx
            + "10000700ffffffff" // mask::rwx
            + "20000000ffffffff"; // other::---

    @Test
    void decodesTheKernelsAttributeFormat() {
        PosixAcl acl = PosixAcl.decode(HexFormat.of().parseHex(KERNEL_XATTR));

        assertThat(acl).isEqualTo(PosixAcl.parseText("u::rwx,u:1001:r-x,g::r-x,g:2001:rwx,m::rwx,o::---"));
        assertThat(acl.mask()).contains(7);
        assertThat(acl.modeBits()).isEqualTo(0770);
    }

    @Test
    void encodesSortedEntriesAsTheKernelExpects() {
        PosixAcl acl = PosixAcl.parseText("o::---,g:2001:rwx,m::rwx,u:1001:r-x,g::r-x,u::rwx");

        assertThat(HexFormat.of().formatHex(acl.encode())).isEqualTo(KERNEL_XATTR);
    }

    @Test
    void rejectsMalformedAttributes() {
        assertThatThrownBy(() -> PosixAcl.decode(new byte[]{2, 0, 0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> PosixAcl.decode(HexFormat.of().parseHex("01000000")))
                .hasMessageContaining("version 1");
        assertThatThrownBy(() -> PosixAcl.parseText("u:bob:rwz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minimalAclComesFromModeBits() {
        assertThat(PosixAcl.fromMode(0751)).isEqualTo(PosixAcl.parseText("u::rwx,g::r-x,o::--x"));
    }
}
