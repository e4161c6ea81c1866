package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.Ace;
import io.aclens.access.AccessMask;
import io.aclens.access.Level;
import io.aclens.access.PosixAcl;
import io.aclens.access.PosixRights;
import io.aclens.access.WellKnownSids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessCheckTest {
    private static final PosixAcl ACL = PosixAcl.parseText("u::rwx,u:1001:rwx,g::r-x,g:2001:---,g:2002:rwx,m::r-x,o::r-x");
    private static final List<Ace> MAPPED = PosixRights.toAces(1000, 100, 0750, Optional.of(ACL), Optional.empty());

    private static AccessToken unixToken(long uid, Set<Long> gids) {
        Map<String, List<String>> groups = Map.of(WellKnownSids.unixUser(uid), gids.stream().map(WellKnownSids::unixGroup).toList());
        return AccessToken.of(WellKnownSids.unixUser(uid), null, sid -> groups.getOrDefault(sid, List.of()));
    }

    @Test
    void aPosixDaclIsCheckedByPosixRulesAndAgreesWithTheRawAcl() {
        long[][] cases = {{1000}, {1001, 2002}, {1002, 2001}, {1002, 2001, 2002}, {1003, 100}, {1004, 9}};
        for (long[] c : cases) {
            Set<Long> gids = new java.util.HashSet<>();
            for (int i = 1; i < c.length; i++) {
                gids.add(c[i]);
            }
            Level expected = PosixAccessCheck.evaluate(1000, 100, ACL, c[0], gids);
            assertThat(AccessCheck.of(WellKnownSids.unixUser(1000), MAPPED).level(WellKnownSids.unixUser(1000), MAPPED, unixToken(c[0], gids)))
                    .as("uid %d in %s", c[0], gids).isEqualTo(expected);
        }
    }

    @Test
    void aMatchingGroupThatGrantsNothingBlocksOtherUnlikeWindowsWouldEvaluateIt() {
        AccessToken member = unixToken(1002, Set.of(2001L));
        assertThat(AccessCheck.of(WellKnownSids.unixUser(1000), MAPPED).level(WellKnownSids.unixUser(1000), MAPPED, member)).isEqualTo(Level.NONE);
        assertThat(NtAccessCheck.level(WellKnownSids.unixUser(1000), MAPPED, member)).as("the NT walk would add 'other'")
                .isEqualTo(Level.READ_EXECUTE);
    }

    @Test
    void anNtDaclIsCheckedTheWindowsWay() {
        String user = "S-1-5-21-1-2-3-1201";
        List<Ace> dacl = List.of(Ace.deny(user, AccessMask.WRITE), Ace.allow(WellKnownSids.EVERYONE, AccessMask.MODIFY));
        assertThat(AccessCheck.isPosix(user, dacl)).isFalse();
        assertThat(AccessCheck.of(null, dacl).level(null, dacl, AccessToken.of(user, null, sid -> List.of()))).isEqualTo(Level.READ_EXECUTE);
    }
}
