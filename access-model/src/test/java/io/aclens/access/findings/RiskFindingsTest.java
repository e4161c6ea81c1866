package io.aclens.access.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.AccessMatrix;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.MatrixFolder;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.directory.ServerGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each finding: a folder that raises it, and the same folder fixed, which resolves it. */
class RiskFindingsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String DOMAIN = "S-1-5-21-1-2-3-";
    private static final String ADMINS = DOMAIN + "512";
    private static final String FINANCE = DOMAIN + "1100";
    private static final String EMPTY = DOMAIN + "1101";
    private static final String PETROVA = DOMAIN + "1200";
    private static final String LEFT = DOMAIN + "1201";
    private static final String IDLE = DOMAIN + "1202";
    private static final String DELETED = DOMAIN + "9999";

    private static DirectoryEntry user(String sid, String login, String fullName, boolean enabled, Instant lastLogon, String... groups) {
        return new DirectoryEntry(sid, PrincipalKind.USER, login, null, fullName, null, null, null, enabled, lastLogon, DOMAIN + "513", null,
                List.of(groups));
    }

    private static final DirectoryState DIRECTORY = new DirectoryState(List.of(
            DirectoryEntry.group(ADMINS, "Domain Admins", "global", List.of()),
            DirectoryEntry.group(FINANCE, "Finance", "global", List.of()),
            DirectoryEntry.group(EMPTY, "Old project", "global", List.of()),
            DirectoryEntry.group(DOMAIN + "513", "Domain Users", "global", List.of()),
            user(PETROVA, "petrova", "Анна Петрова", true, NOW.minus(Duration.ofDays(1)), FINANCE),
            user(LEFT, "left", "Left Company", false, NOW.minus(Duration.ofDays(200))),
            user(IDLE, "idle", "Idle Account", true, NOW.minus(Duration.ofDays(120)), FINANCE),
            user(DOMAIN + "1203", "admin", "Admin", true, NOW, ADMINS)), NOW);

    private static final Ace ADMINS_FULL = Ace.allow(ADMINS, AccessMask.FULL_CONTROL);

    private static List<Finding> findings(MatrixFolder... folders) {
        AccessMatrix matrix = AccessMatrix.of(List.of(folders), sid -> DIRECTORY.principal(sid)
                .orElseGet(() -> WellKnownSids.lookup(sid).orElse(new Principal(sid, sid, null, PrincipalKind.UNRESOLVED))));
        PeopleMatrix people = PeopleMatrix.of(matrix.rows(), DIRECTORY, true);
        return RiskFindings.evaluate("fs1", matrix.rows(), people, DIRECTORY, NOW);
    }

    private static MatrixFolder folder(String path, int depth, boolean protectedAcl, Ace... dacl) {
        List<Ace> aces = new ArrayList<>(List.of(dacl));
        return new MatrixFolder(path, depth, aces, protectedAcl, null, ADMINS);
    }

    private static List<FindingKind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    @Test
    void everyoneAbleToChangeFilesOrPermissionsIsHighAndNamedOncePerGroup() {
        List<Finding> raised = findings(folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(WellKnownSids.EVERYONE, AccessMask.MODIFY)),
                folder("\\\\fs1\\data\\HR", 1, false, ADMINS_FULL, Ace.allow(WellKnownSids.EVERYONE, AccessMask.MODIFY, AceFlag.INHERITED)),
                folder("\\\\fs1\\data\\IT", 1, false, ADMINS_FULL, Ace.allow(DOMAIN + "513", AccessMask.READ | AccessMask.WRITE_DAC)));

        Finding change = raised.stream().filter(f -> f.kind() == FindingKind.BROAD_GROUP_CAN_CHANGE).findFirst().orElseThrow();
        assertThat(change.severity()).isEqualTo(Severity.HIGH);
        assertThat(change.folderCount()).as("one finding, two folders").isEqualTo(2);
        assertThat(change.subject()).isEqualTo("Everyone");
        assertThat(raised).filteredOn(f -> f.kind() == FindingKind.BROAD_GROUP_CAN_CHANGE_PERMISSIONS).extracting(Finding::subject)
                .containsExactly("Domain Users");

        List<Finding> fixed = findings(folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(WellKnownSids.EVERYONE, AccessMask.READ)),
                folder("\\\\fs1\\data\\IT", 1, false, ADMINS_FULL, Ace.allow(DOMAIN + "513", AccessMask.READ)));
        assertThat(kinds(fixed)).doesNotContain(FindingKind.BROAD_GROUP_CAN_CHANGE, FindingKind.BROAD_GROUP_CAN_CHANGE_PERMISSIONS);
    }

    @Test
    void accountsNamedInPermissionsAreJudgedByWhoTheyAre() {
        List<Finding> raised = findings(folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(PETROVA, AccessMask.MODIFY),
                Ace.allow(LEFT, AccessMask.READ), Ace.allow(DELETED, AccessMask.READ), Ace.allow(EMPTY, AccessMask.READ)));

        assertThat(raised).extracting(f -> f.kind() + " " + f.subject()).contains(
                "USER_NAMED_DIRECTLY petrova", "DORMANT_ACCOUNT left", "ORPHANED_SID " + DELETED, "EMPTY_GROUP_GRANTS Old project");
        assertThat(raised).filteredOn(f -> f.kind() == FindingKind.USER_NAMED_DIRECTLY).first()
                .satisfies(f -> assertThat(f.people()).containsExactly("Анна Петрова"));

        List<Finding> fixed = findings(folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(FINANCE, AccessMask.MODIFY)));
        assertThat(kinds(fixed)).doesNotContain(FindingKind.USER_NAMED_DIRECTLY, FindingKind.DORMANT_ACCOUNT, FindingKind.ORPHANED_SID,
                FindingKind.EMPTY_GROUP_GRANTS);
    }

    @Test
    void anAccountIdleForNinetyDaysThatCanStillReachAFolderIsStale() {
        assertThat(findings(folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(FINANCE, AccessMask.READ))))
                .filteredOn(f -> f.kind() == FindingKind.STALE_ACCOUNT).extracting(Finding::subject).containsExactly("idle");
        assertThat(kinds(findings(folder("\\\\fs1\\data", 0, false, ADMINS_FULL)))).doesNotContain(FindingKind.STALE_ACCOUNT);
    }

    @Test
    void brokenInheritanceAndFoldersWithoutFullControlAreListedPerSource() {
        List<Finding> raised = findings(folder("\\\\fs1\\data", 0, true, ADMINS_FULL),
                folder("\\\\fs1\\data\\Legal", 1, true, Ace.allow(FINANCE, AccessMask.MODIFY)));

        assertThat(raised).filteredOn(f -> f.kind() == FindingKind.INHERITANCE_BROKEN).first()
                .satisfies(f -> assertThat(f.folders()).as("a share's root is protected by nature").containsExactly("\\\\fs1\\data\\Legal"));
        assertThat(raised).filteredOn(f -> f.kind() == FindingKind.NOBODY_HAS_FULL_CONTROL).first()
                .satisfies(f -> assertThat(f.folders()).containsExactly("\\\\fs1\\data\\Legal"));

        List<Finding> fixed = findings(folder("\\\\fs1\\data", 0, true, ADMINS_FULL),
                folder("\\\\fs1\\data\\Legal", 1, false, ADMINS_FULL, Ace.allow(FINANCE, AccessMask.MODIFY)));
        assertThat(kinds(fixed)).doesNotContain(FindingKind.INHERITANCE_BROKEN, FindingKind.NOBODY_HAS_FULL_CONTROL);
    }

    @Test
    void aNullDaclIsItsOwnHighFinding() {
        MatrixFolder open = new MatrixFolder("\\\\fs1\\data\\Open", 1, List.of(Ace.allow(WellKnownSids.EVERYONE, AccessMask.FILE_ALL_ACCESS)),
                true, null, ADMINS, true);
        List<Finding> raised = findings(folder("\\\\fs1\\data", 0, true, ADMINS_FULL), open);

        assertThat(raised).filteredOn(f -> f.kind() == FindingKind.NULL_DACL).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH))
                .satisfies(f -> assertThat(f.folders()).containsExactly("\\\\fs1\\data\\Open"));
        assertThat(kinds(findings(folder("\\\\fs1\\data", 0, true, ADMINS_FULL),
                folder("\\\\fs1\\data\\Open", 1, true, ADMINS_FULL, Ace.allow(WellKnownSids.EVERYONE, AccessMask.FILE_ALL_ACCESS)))))
                .as("the same grant written as an entry is an everyone-style finding, not a NULL DACL").doesNotContain(FindingKind.NULL_DACL)
                .contains(FindingKind.BROAD_GROUP_CAN_CHANGE);
    }

    @Test
    void inheritedEntriesThatTheParentNoLongerPassesDownAreFound() {
        MatrixFolder parent = folder("\\\\fs1\\data", 0, true, Ace.allow(ADMINS, AccessMask.GENERIC_ALL, AceFlag.OBJECT_INHERIT,
                AceFlag.CONTAINER_INHERIT), Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT),
                Ace.allow(WellKnownSids.CREATOR_OWNER, AccessMask.GENERIC_ALL, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT,
                        AceFlag.INHERIT_ONLY), Ace.allow(EMPTY, AccessMask.READ, AceFlag.OBJECT_INHERIT));
        Ace adminsEffective = Ace.allow(ADMINS, AccessMask.FILE_ALL_ACCESS, AceFlag.INHERITED);
        Ace adminsPassedOn = Ace.allow(ADMINS, AccessMask.GENERIC_ALL, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERIT_ONLY,
                AceFlag.INHERITED);
        Ace finance = Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERITED);
        Ace creator = Ace.allow(PETROVA, AccessMask.FILE_ALL_ACCESS, AceFlag.INHERITED);

        assertThat(kinds(findings(parent, folder("\\\\fs1\\data\\HR", 1, false, adminsEffective, adminsPassedOn, finance, creator))))
                .as("generic rights split in two, the creator's entry and a files-only entry are what Windows writes")
                .doesNotContain(FindingKind.INHERITANCE_MISMATCH);

        List<Finding> moved = findings(parent, folder("\\\\fs1\\data\\HR", 1, false, adminsEffective, finance,
                Ace.allow(LEFT, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERITED)),
                folder("\\\\fs1\\data\\Sales", 1, false, adminsEffective));
        assertThat(moved).filteredOn(f -> f.kind() == FindingKind.INHERITANCE_MISMATCH).singleElement()
                .satisfies(f -> assertThat(f.folders()).as("an old parent's entry kept, and the Finance entry never propagated")
                        .containsExactly("\\\\fs1\\data\\HR", "\\\\fs1\\data\\Sales"));
        assertThat(kinds(findings(parent, folder("\\\\fs1\\data\\Sales", 1, true, adminsEffective))))
                .as("a folder that does not inherit has its own finding").doesNotContain(FindingKind.INHERITANCE_MISMATCH);
    }

    @Test
    void withoutADirectoryNothingIsClaimedAboutWhoASidIs() {
        AccessMatrix matrix = AccessMatrix.of(List.of(folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(DELETED, AccessMask.READ))),
                sid -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED));
        assertThat(RiskFindings.evaluate("fs1", matrix.rows(), null, DirectoryState.empty(), NOW)).extracting(Finding::kind)
                .doesNotContain(FindingKind.ORPHANED_SID);
    }

    @Test
    void entriesOutOfWindowsOrderAreFound() {
        List<Finding> raised = findings(folder("\\\\fs1\\data\\Odd", 1, false, Ace.allow(FINANCE, AccessMask.READ), Ace.deny(PETROVA, AccessMask.WRITE_DATA),
                        Ace.allow(ADMINS, AccessMask.FULL_CONTROL, AceFlag.INHERITED)));
        assertThat(raised).filteredOn(f -> f.kind() == FindingKind.NON_CANONICAL_ORDER).first()
                .satisfies(f -> assertThat(f.folders()).containsExactly("\\\\fs1\\data\\Odd"));

        List<Finding> fixed = findings(folder("\\\\fs1\\data\\Odd", 1, false, Ace.deny(PETROVA, AccessMask.WRITE_DATA),
                Ace.allow(FINANCE, AccessMask.READ), Ace.allow(ADMINS, AccessMask.FULL_CONTROL, AceFlag.INHERITED)));
        assertThat(kinds(fixed)).doesNotContain(FindingKind.NON_CANONICAL_ORDER);
    }

    @Test
    void aServersLocalGroupOnAFolderIsFoundButItsBuiltinGroupsAreNot() {
        String local = "S-1-5-21-9-9-9-1001";
        DirectoryState onServer = DIRECTORY.onServer(ServerGroups.read(List.of(new ServerGroups.LocalGroup(local, "FS1\\Finance-RW", List.of(FINANCE)),
                new ServerGroups.LocalGroup(WellKnownSids.BUILTIN_USERS, "BUILTIN\\Users", List.of())), null));
        MatrixFolder folder = folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(local, AccessMask.MODIFY),
                Ace.allow(WellKnownSids.BUILTIN_USERS, AccessMask.READ));
        AccessMatrix matrix = AccessMatrix.of(List.of(folder), sid -> onServer.principal(sid)
                .orElseGet(() -> WellKnownSids.lookup(sid).orElse(new Principal(sid, sid, null, PrincipalKind.UNRESOLVED))));

        assertThat(RiskFindings.evaluate("fs1", matrix.rows(), null, onServer, NOW)).filteredOn(f -> f.kind() == FindingKind.LOCAL_ACCOUNT)
                .extracting(Finding::subject).containsExactly("FS1\\Finance-RW");
        AccessMatrix domainOnly = AccessMatrix.of(List.of(folder("\\\\fs1\\data", 0, false, ADMINS_FULL, Ace.allow(FINANCE, AccessMask.MODIFY))),
                sid -> onServer.principal(sid).orElseThrow());
        assertThat(kinds(RiskFindings.evaluate("fs1", domainOnly.rows(), null, onServer, NOW))).doesNotContain(FindingKind.LOCAL_ACCOUNT);
    }
}
