package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.PrincipalKind;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveChangesTest {
    private static final String D = "S-1-5-21-7-7-7";
    private static final String FINANCE = D + "-1100";
    private static final String SALES = D + "-1101";
    private static final String PETROVA = D + "-1200";
    private static final String SMITH = D + "-1201";
    private static final String ADMIN = D + "-500";

    private static final EffectiveChanges.FolderAcl PAYROLL = new EffectiveChanges.FolderAcl("fs1", "\\\\fs1\\share\\Payroll", ADMIN,
            List.of(Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT)));
    private static final EffectiveChanges.FolderAcl PUBLIC = new EffectiveChanges.FolderAcl("fs1", "\\\\fs1\\share\\Public", ADMIN,
            List.of(Ace.allow(SALES, AccessMask.READ_AND_EXECUTE)));

    private static DirectoryEntry user(String sid, String login, boolean enabled, String... groups) {
        return new DirectoryEntry(sid, PrincipalKind.USER, login, null, login, null, null, null, enabled, null, null, null, List.of(groups));
    }

    private static DirectoryState directory(DirectoryEntry... users) {
        List<DirectoryEntry> entries = new java.util.ArrayList<>(List.of(users));
        entries.add(DirectoryEntry.group(FINANCE, "Finance", "global security", List.of()));
        entries.add(DirectoryEntry.group(SALES, "Sales", "global security", List.of()));
        return new DirectoryState(entries);
    }

    private static List<EffectiveChanges.SourceFolders> sources(EffectiveChanges.FolderAcl... folders) {
        return List.of(new EffectiveChanges.SourceFolders(SourceContext.NONE, List.of(folders)));
    }

    @Test
    void aMembershipChangeAloneChangesEffectiveAccessWithItsCause() {
        DirectoryState before = directory(user(PETROVA, "petrova", true, SALES), user(SMITH, "smith", true, SALES));
        DirectoryState after = directory(user(PETROVA, "petrova", true, FINANCE), user(SMITH, "smith", true, SALES));

        List<EffectiveChange> changes = EffectiveChanges.ofDirectoryChange(sources(PAYROLL, PUBLIC), before, after);

        assertThat(changes).containsExactlyInAnyOrder(
                new EffectiveChange(PETROVA, "fs1", PAYROLL.path(), ChangeKind.GRANTED, Level.NONE, Level.MODIFY, ChangeCause.MEMBERSHIP,
                        "joined Finance; left Sales"),
                new EffectiveChange(PETROVA, "fs1", PUBLIC.path(), ChangeKind.REVOKED, Level.READ_EXECUTE, Level.NONE, ChangeCause.MEMBERSHIP,
                        "joined Finance; left Sales"));
    }

    @Test
    void aDisabledOrDeletedAccountLosesEverythingAsAnAccountChange() {
        DirectoryState before = directory(user(PETROVA, "petrova", true, FINANCE), user(SMITH, "smith", true, SALES));
        DirectoryState after = directory(user(PETROVA, "petrova", false, FINANCE));

        assertThat(EffectiveChanges.ofDirectoryChange(sources(PAYROLL, PUBLIC), before, after))
                .extracting(EffectiveChange::userSid, EffectiveChange::path, EffectiveChange::kind, EffectiveChange::detail)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PETROVA, PAYROLL.path(), ChangeKind.REVOKED, "account disabled"),
                        org.assertj.core.groups.Tuple.tuple(SMITH, PUBLIC.path(), ChangeKind.REVOKED, "account deleted"));
    }

    @Test
    void aGroupNestedIntoAnotherReachesEveryMemberOfIt() {
        DirectoryState before = directory(user(PETROVA, "petrova", true, SALES));
        List<DirectoryEntry> nested = new java.util.ArrayList<>(before.entries());
        nested.removeIf(e -> e.sid().equals(SALES));
        nested.add(DirectoryEntry.group(SALES, "Sales", "global security", List.of(FINANCE)));

        assertThat(EffectiveChanges.ofDirectoryChange(sources(PAYROLL, PUBLIC), before, new DirectoryState(nested)))
                .singleElement().satisfies(change -> {
                    assertThat(change.path()).isEqualTo(PAYROLL.path());
                    assertThat(change.after()).isEqualTo(Level.MODIFY);
                    assertThat(change.detail()).isEqualTo("joined Finance");
                });
    }

    @Test
    void anAclEditIsEvaluatedForEveryEnabledPerson() {
        DirectoryState directory = directory(user(PETROVA, "petrova", true, FINANCE), user(SMITH, "smith", true, SALES),
                user(D + "-1300", "gone", false, SALES));
        EffectiveChanges.FolderAcl edited = new EffectiveChanges.FolderAcl("fs1", PAYROLL.path(), ADMIN,
                List.of(Ace.allow(FINANCE, AccessMask.READ_AND_EXECUTE), Ace.allow(SALES, AccessMask.READ_AND_EXECUTE)));

        assertThat(EffectiveChanges.ofAclEdits(List.of(new EffectiveChanges.EditedFolder(PAYROLL, edited)), directory))
                .extracting(EffectiveChange::userSid, EffectiveChange::kind, EffectiveChange::after, EffectiveChange::cause)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PETROVA, ChangeKind.LOWERED, Level.READ_EXECUTE, ChangeCause.ACL_EDIT),
                        org.assertj.core.groups.Tuple.tuple(SMITH, ChangeKind.GRANTED, Level.READ_EXECUTE, ChangeCause.ACL_EDIT));
    }
}
