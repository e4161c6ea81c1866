package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PosixRightsTest {

    @Test
    void permissionBitsMapOntoLevels() {
        assertThat(Level.fromMask(PosixRights.maskOf(7))).as("rwx is modify").isEqualTo(Level.MODIFY);
        assertThat(Level.fromMask(PosixRights.maskOf(5))).as("r-x is read & execute").isEqualTo(Level.READ_EXECUTE);
        assertThat(Level.fromMask(PosixRights.maskOf(4))).as("r-- is read").isEqualTo(Level.READ);
        assertThat(Level.fromMask(PosixRights.maskOf(6))).as("rw- cannot traverse: read").isEqualTo(Level.READ);
        assertThat(Level.fromMask(PosixRights.maskOf(3))).as("-wx is write").isEqualTo(Level.WRITE);
        assertThat(Level.fromMask(PosixRights.maskOf(1))).as("--x is special").isEqualTo(Level.SPECIAL);
        assertThat(Level.fromMask(PosixRights.maskOf(0))).as("--- is none").isEqualTo(Level.NONE);
    }

    @Test
    void modeBitsAloneGiveOwnerGroupAndEveryone() {
        List<Ace> aces = PosixRights.toAces(1000, 100, 0750, Optional.empty(), Optional.empty());

        assertThat(PrincipalLevels.of(aces)).containsExactly(
                Map.entry("S-1-22-1-1000", Level.FULL),
                Map.entry("S-1-22-2-100", Level.READ_EXECUTE),
                Map.entry(WellKnownSids.EVERYONE, Level.NONE));
    }

    @Test
    void maskLimitsNamedEntriesAndOwningGroupButNotOwnerOrOther() {
        PosixAcl access = PosixAcl.parseText("u::rwx,u:1001:rwx,g::rwx,g:2001:r-x,m::r-x,o::r--");

        Map<String, Level> levels = PrincipalLevels.of(PosixRights.toAces(1000, 100, 0754, Optional.of(access), Optional.empty()));

        assertThat(levels).containsEntry("S-1-22-1-1000", Level.FULL)
                .containsEntry("S-1-22-1-1001", Level.READ_EXECUTE)
                .containsEntry("S-1-22-2-100", Level.READ_EXECUTE)
                .containsEntry("S-1-22-2-2001", Level.READ_EXECUTE)
                .containsEntry(WellKnownSids.EVERYONE, Level.READ);
    }

    @Test
    void defaultAclBecomesInheritOnlyEntriesThatDoNotApplyToTheFolder() {
        PosixAcl defaults = PosixAcl.parseText("u::rwx,g::r-x,g:2001:rwx,m::rwx,o::---");

        List<Ace> aces = PosixRights.toAces(1000, 100, 0700, Optional.empty(), Optional.of(defaults));

        assertThat(aces).filteredOn(ace -> !ace.appliesToThisFolder()).extracting(Ace::sid)
                .containsExactly(WellKnownSids.CREATOR_OWNER, WellKnownSids.CREATOR_GROUP, "S-1-22-2-2001", WellKnownSids.EVERYONE);
        assertThat(PrincipalLevels.of(aces)).doesNotContainKey("S-1-22-2-2001");
    }
}
