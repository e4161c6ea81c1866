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

    @Test
    void theMaskAloneIsWhatTheFullEvaluationGrants() {
        java.util.Random random = new java.util.Random(42);
        String[] users = {"S-1-22-1-1000", "S-1-22-1-1001", "S-1-22-1-1002"};
        String[] groups = {"S-1-22-2-100", "S-1-22-2-101", "S-1-22-2-102"};
        int[] masks = {0, io.aclens.access.AccessMask.READ, io.aclens.access.AccessMask.MODIFY, io.aclens.access.AccessMask.FULL_CONTROL,
                0x80000000, 0x20000000 | io.aclens.access.AccessMask.SYNCHRONIZE};
        for (int run = 0; run < 20_000; run++) {
            java.util.List<io.aclens.access.Ace> dacl = new java.util.ArrayList<>();
            int entries = random.nextInt(7);
            for (int e = 0; e < entries; e++) {
                int kind = random.nextInt(3);
                String sid = kind == 0 ? users[random.nextInt(users.length)] : kind == 1 ? groups[random.nextInt(groups.length)]
                        : io.aclens.access.WellKnownSids.EVERYONE;
                io.aclens.access.AceFlag[] flags = random.nextInt(4) == 0
                        ? new io.aclens.access.AceFlag[] {io.aclens.access.AceFlag.INHERIT_ONLY, io.aclens.access.AceFlag.CONTAINER_INHERIT}
                        : new io.aclens.access.AceFlag[0];
                dacl.add(io.aclens.access.Ace.allow(sid, masks[random.nextInt(masks.length)], flags));
            }
            String owner = users[random.nextInt(users.length)];
            java.util.Set<String> memberOf = new java.util.HashSet<>();
            for (String group : groups) {
                if (random.nextBoolean()) {
                    memberOf.add(group);
                }
            }
            AccessToken token = AccessToken.of(users[random.nextInt(users.length)], null,
                    sid -> sid.startsWith("S-1-22-1-") ? memberOf : java.util.List.of());

            assertThat(CompiledAcl.of(owner, dacl).mask(token)).as("%s owned by %s for %s in %s", dacl, owner, token.userSid(), memberOf)
                    .isEqualTo(PosixAccessCheck.evaluateMapped(owner, dacl, token).folderMask());
        }
    }
}
