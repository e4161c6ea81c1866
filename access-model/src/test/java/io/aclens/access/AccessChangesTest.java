package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessChangesTest {
    private static final String OWNER = "S-1-22-1-1000";
    private static final String BOB = "S-1-22-1-1001";
    private static final String SALES = "S-1-22-2-2001";

    private static FolderState folder(List<Ace> dacl) {
        return new FolderState("/srv/share/Finance", OWNER, false, dacl, null);
    }

    @Test
    void classifiesGrantedRevokedRaisedAndLowered() {
        FolderState before = folder(List.of(Ace.allow(OWNER, AccessMask.FULL_CONTROL), Ace.allow(BOB, AccessMask.READ),
                Ace.allow(SALES, AccessMask.MODIFY), Ace.allow(WellKnownSids.EVERYONE, AccessMask.READ)));
        FolderState after = folder(List.of(Ace.allow(OWNER, AccessMask.FULL_CONTROL), Ace.allow(BOB, AccessMask.MODIFY),
                Ace.allow(SALES, AccessMask.READ), Ace.allow("S-1-22-2-3001", AccessMask.READ)));

        assertThat(AccessChanges.between(before, after)).containsExactlyInAnyOrder(
                new AccessChange("/srv/share/Finance", ChangeKind.RAISED, BOB, Level.READ, Level.MODIFY, ChangeCause.ACL_EDIT),
                new AccessChange("/srv/share/Finance", ChangeKind.LOWERED, SALES, Level.MODIFY, Level.READ, ChangeCause.ACL_EDIT),
                new AccessChange("/srv/share/Finance", ChangeKind.REVOKED, WellKnownSids.EVERYONE, Level.READ, Level.NONE, ChangeCause.ACL_EDIT),
                new AccessChange("/srv/share/Finance", ChangeKind.GRANTED, "S-1-22-2-3001", Level.NONE, Level.READ, ChangeCause.ACL_EDIT));
    }

    @Test
    void sameLevelsWithReorderedEntriesAreNoChange() {
        FolderState before = folder(List.of(Ace.allow(BOB, AccessMask.READ), Ace.allow(SALES, AccessMask.MODIFY)));
        FolderState after = folder(List.of(Ace.allow(SALES, AccessMask.MODIFY), Ace.allow(BOB, AccessMask.READ | AccessMask.SYNCHRONIZE)));

        assertThat(AccessChanges.between(before, after)).isEmpty();
    }

    @Test
    void unreadableFolderIsNotReportedAsRevokedAccess() {
        FolderState before = folder(List.of(Ace.allow(BOB, AccessMask.READ)));
        FolderState unreadable = new FolderState(before.path(), null, false, List.of(), "Access denied");

        assertThat(AccessChanges.between(before, unreadable)).isEmpty();
    }

    @Test
    void folderLifecycleInheritanceAndOwner() {
        FolderState before = folder(List.of());
        FolderState after = new FolderState(before.path(), BOB, true, List.of(), null);

        assertThat(AccessChanges.between(null, after)).extracting(AccessChange::kind).containsExactly(ChangeKind.FOLDER_ADDED);
        assertThat(AccessChanges.between(before, null)).extracting(AccessChange::kind).containsExactly(ChangeKind.FOLDER_REMOVED);
        assertThat(AccessChanges.between(before, after)).extracting(AccessChange::kind)
                .containsExactly(ChangeKind.INHERITANCE_BROKEN, ChangeKind.OWNER_CHANGED);
    }
}
