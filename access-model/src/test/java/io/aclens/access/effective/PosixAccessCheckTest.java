package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.Level;
import io.aclens.access.PosixAcl;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PosixAccessCheckTest {
    private static final PosixAcl ACL = PosixAcl.parseText("u::rwx,u:1001:rwx,g::r-x,g:2001:---,g:2002:rwx,m::r-x,o::r-x");

    @Test
    void posixRules() {
        assertThat(PosixAccessCheck.evaluate(1000, 100, ACL, 1000, Set.of())).as("the owner may change permissions: full").isEqualTo(Level.FULL);
        assertThat(PosixAccessCheck.evaluate(1000, 100, ACL, 1001, Set.of(2002L))).as("a named user entry, limited by the mask, wins over groups")
                .isEqualTo(Level.READ_EXECUTE);
        assertThat(PosixAccessCheck.evaluate(1000, 100, ACL, 1002, Set.of(2001L))).as("a matching group that grants nothing blocks 'other'")
                .isEqualTo(Level.NONE);
        assertThat(PosixAccessCheck.evaluate(1000, 100, ACL, 1002, Set.of(2001L, 2002L))).as("matching groups add up, limited by the mask")
                .isEqualTo(Level.READ_EXECUTE);
        assertThat(PosixAccessCheck.evaluate(1000, 100, ACL, 1003, Set.of(100L))).as("the owning group").isEqualTo(Level.READ_EXECUTE);
        assertThat(PosixAccessCheck.evaluate(1000, 100, ACL, 1004, Set.of(9L))).as("everyone else gets 'other'").isEqualTo(Level.READ_EXECUTE);
        assertThat(PosixAccessCheck.evaluate(1000, 100, PosixAcl.parseText("u::rwx,g::---,o::---"), 1004, Set.of())).isEqualTo(Level.NONE);
    }
}
