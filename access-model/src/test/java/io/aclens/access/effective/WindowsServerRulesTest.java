package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.AccessMatrix;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.MatrixFolder;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.directory.ServerGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules by which Windows decides access over the network, beyond the DACL walk ({@link NtAccessCheckTest}). */
class WindowsServerRulesTest {
    private static final String D = "S-1-5-21-11-22-33";
    private static final String FS1 = "S-1-5-21-99-98-97"; // the member server's own SAM
    private static final String DOMAIN_USERS = D + "-513";
    private static final String DOMAIN_ADMINS = D + "-512";
    private static final String CONTRACTORS = D + "-1300";
    private static final String FINANCE = D + "-1100";
    private static final String NEWSLETTER = D + "-1101";
    private static final String ALL_STAFF = D + "-1102";
    private static final String FINANCE_RW = FS1 + "-1001";
    private static final String PETROVA = D + "-1200";
    private static final String SMITH = D + "-1201";
    private static final String ADMIN = D + "-500";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static DirectoryEntry user(String sid, String login, String primaryGroup, String... groups) {
        return new DirectoryEntry(sid, PrincipalKind.USER, login, null, login, null, null, null, true, null, primaryGroup, null, List.of(groups));
    }

    private static List<DirectoryEntry> domain(DirectoryEntry... users) {
        List<DirectoryEntry> entries = new ArrayList<>(List.of(users));
        entries.add(DirectoryEntry.group(DOMAIN_USERS, "Domain Users", "global security", List.of()));
        entries.add(DirectoryEntry.group(DOMAIN_ADMINS, "Domain Admins", "global security", List.of()));
        entries.add(DirectoryEntry.group(CONTRACTORS, "Contractors", "global security", List.of()));
        entries.add(DirectoryEntry.group(FINANCE, "Finance", "global security", List.of()));
        entries.add(DirectoryEntry.distributionGroup(NEWSLETTER, "Newsletter", "universal distribution", List.of(ALL_STAFF)));
        entries.add(DirectoryEntry.group(ALL_STAFF, "All-Staff", "universal security", List.of()));
        return entries;
    }

    private static Level level(DirectoryState directory, String user, List<Ace> dacl, SharePermissions share) {
        PeopleMatrix matrix = people(directory, dacl, share);
        return matrix.level(0, personIndex(matrix, user));
    }

    private static PeopleMatrix people(DirectoryState directory, List<Ace> dacl, SharePermissions share) {
        MatrixFolder folder = new MatrixFolder("\\\\fs1\\data\\Finance", 1, dacl, false, null, ADMIN);
        AccessMatrix groups = AccessMatrix.of(List.of(folder), sid -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED));
        return PeopleMatrix.of(groups.rows(), directory, true, share);
    }

    private static int personIndex(PeopleMatrix matrix, String sid) {
        for (int p = 0; p < matrix.people().size(); p++) {
            if (matrix.people().get(p).sid().equals(sid)) {
                return p;
            }
        }
        throw new AssertionError("no column for " + sid);
    }

    @Test
    void rule1ADistributionGroupOnAnEntryGivesItsMembersNothing() {
        DirectoryState directory = new DirectoryState(domain(user(PETROVA, "petrova", DOMAIN_USERS, NEWSLETTER)), NOW);
        List<Ace> dacl = List.of(Ace.allow(NEWSLETTER, AccessMask.MODIFY));

        assertThat(level(directory, PETROVA, dacl, null)).isEqualTo(Level.NONE);
        assertThat(AccessMatrix.of(List.of(new MatrixFolder("\\\\fs1\\data", 0, dacl, false, null)), sid -> directory.principal(sid).orElseThrow())
                .rows().get(0).level(NEWSLETTER)).as("the group view still shows the entry").isEqualTo(Level.MODIFY);
    }

    @Test
    void rule1ADistributionGroupNestedInASecurityGroupPassesNoMembershipThrough() {
        DirectoryState directory = new DirectoryState(domain(user(PETROVA, "petrova", DOMAIN_USERS, NEWSLETTER),
                user(SMITH, "smith", DOMAIN_USERS, ALL_STAFF)), NOW);
        List<Ace> dacl = List.of(Ace.allow(ALL_STAFF, AccessMask.READ_AND_EXECUTE));

        assertThat(level(directory, PETROVA, dacl, null)).isEqualTo(Level.NONE);
        assertThat(level(directory, SMITH, dacl, null)).as("a direct member of the security group").isEqualTo(Level.READ_EXECUTE);
        assertThat(directory.token(PETROVA).contains(ALL_STAFF)).isFalse();
    }

    @Test
    void rule2BuiltinUsersHoldsEveryAccountThatCanLogOnEvenOutsideDomainUsers() {
        DirectoryState directory = new DirectoryState(domain(user(PETROVA, "petrova", CONTRACTORS)), NOW);
        List<Ace> dacl = List.of(Ace.allow(WellKnownSids.BUILTIN_USERS, AccessMask.READ_AND_EXECUTE));

        assertThat(directory.serverGroupsOrigin()).isEqualTo(DirectoryState.ServerGroupsOrigin.WINDOWS_DEFAULTS);
        assertThat(level(directory, PETROVA, dacl, null)).isEqualTo(Level.READ_EXECUTE);
        assertThat(directory.token(PETROVA).chainTo(WellKnownSids.BUILTIN_USERS))
                .containsExactly(WellKnownSids.AUTHENTICATED_USERS, WellKnownSids.BUILTIN_USERS);
    }

    @Test
    void rule2BuiltinAdministratorsHoldsDomainAdminsByDefault() {
        DirectoryState directory = new DirectoryState(domain(user(ADMIN, "administrator", DOMAIN_USERS, DOMAIN_ADMINS),
                user(PETROVA, "petrova", DOMAIN_USERS)), NOW);
        List<Ace> dacl = List.of(Ace.allow(WellKnownSids.BUILTIN_ADMINISTRATORS, AccessMask.FILE_ALL_ACCESS));

        assertThat(level(directory, ADMIN, dacl, null)).isEqualTo(Level.FULL);
        assertThat(level(directory, PETROVA, dacl, null)).isEqualTo(Level.NONE);
    }

    @Test
    void rule2TheServersOwnGroupsComeFromTheServerWhenItWasRead() {
        ServerGroups fs1 = ServerGroups.read(List.of(
                new ServerGroups.LocalGroup(WellKnownSids.BUILTIN_USERS, "BUILTIN\\Users", List.of(DOMAIN_USERS)),
                new ServerGroups.LocalGroup(FINANCE_RW, "FS1\\Finance-RW", List.of(FINANCE))), "read over SAMR");
        // the directory also holds the domain controllers' CN=Builtin, where Contractors are in BUILTIN\Users: not this server's
        List<DirectoryEntry> entries = domain(user(PETROVA, "petrova", DOMAIN_USERS, FINANCE), user(SMITH, "smith", CONTRACTORS));
        entries.add(DirectoryEntry.group(WellKnownSids.BUILTIN_USERS, "Users", "builtin local security", List.of()));
        entries.set(entries.indexOf(entries.stream().filter(e -> e.sid().equals(CONTRACTORS)).findFirst().orElseThrow()),
                DirectoryEntry.group(CONTRACTORS, "Contractors", "global security", List.of(WellKnownSids.BUILTIN_USERS)));
        DirectoryState onFs1 = new DirectoryState(entries, NOW).onServer(fs1);

        assertThat(onFs1.serverGroupsOrigin()).isEqualTo(DirectoryState.ServerGroupsOrigin.SERVER);
        assertThat(level(onFs1, PETROVA, List.of(Ace.allow(FINANCE_RW, AccessMask.MODIFY)), null)).as("through a local group").isEqualTo(Level.MODIFY);
        assertThat(onFs1.nameOf(FINANCE_RW)).isEqualTo("FS1\\Finance-RW");
        List<Ace> usersRead = List.of(Ace.allow(WellKnownSids.BUILTIN_USERS, AccessMask.READ_AND_EXECUTE));
        assertThat(level(onFs1, PETROVA, usersRead, null)).isEqualTo(Level.READ_EXECUTE);
        assertThat(level(onFs1, SMITH, usersRead, null))
                .as("this server's BUILTIN\\Users holds only Domain Users: no Authenticated Users, and the DC's Builtin does not count")
                .isEqualTo(Level.NONE);
    }

    @Test
    void rule2AServerThatListsNoBuiltinGroupsKeepsWindowsDefaultsBesideItsLocalGroups() {
        // a standalone Samba without group mappings answers SAMR with its local groups only
        ServerGroups samba = ServerGroups.read(List.of(new ServerGroups.LocalGroup(FINANCE_RW, "FS1\\Finance-RW", List.of(PETROVA))), null);
        DirectoryState onSamba = new DirectoryState(domain(user(PETROVA, "petrova", CONTRACTORS)), NOW).onServer(samba);

        assertThat(onSamba.serverGroupsOrigin()).isEqualTo(DirectoryState.ServerGroupsOrigin.WINDOWS_DEFAULTS);
        assertThat(onSamba.token(PETROVA).sids()).contains(FINANCE_RW, WellKnownSids.BUILTIN_USERS);
    }

    @Test
    void rule4ADisabledAccountHasNoAccessButADormantLevel() {
        DirectoryEntry disabled = new DirectoryEntry(PETROVA, PrincipalKind.USER, "petrova", null, "Анна Петрова", null, null, null, false, null,
                DOMAIN_USERS, null, List.of(FINANCE));
        PeopleMatrix matrix = people(new DirectoryState(domain(disabled), NOW), List.of(Ace.allow(FINANCE, AccessMask.MODIFY)), null);

        assertThat(matrix.level(0, 0)).isEqualTo(Level.NONE);
        assertThat(matrix.dormantLevel(0, 0)).isEqualTo(Level.MODIFY);
        assertThat(matrix.explain(0, 0)).first().asString().startsWith("No access: account disabled; dormant level Modify");
    }

    @Test
    void rule4AnExpiredAccountCannotLogOnAndOneExpiringLaterCan() {
        DirectoryEntry expired = new DirectoryEntry(PETROVA, PrincipalKind.USER, "petrova", null, null, null, null, null, true, null,
                DOMAIN_USERS, null, List.of(FINANCE), false, NOW.minusSeconds(60));
        DirectoryEntry expiresLater = new DirectoryEntry(SMITH, PrincipalKind.USER, "smith", null, null, null, null, null, true, null,
                DOMAIN_USERS, null, List.of(FINANCE), false, NOW.plusSeconds(86_400));
        DirectoryState directory = new DirectoryState(domain(expired, expiresLater), NOW);
        List<Ace> dacl = List.of(Ace.allow(FINANCE, AccessMask.MODIFY));

        assertThat(level(directory, PETROVA, dacl, null)).isEqualTo(Level.NONE);
        assertThat(level(directory, SMITH, dacl, null)).isEqualTo(Level.MODIFY);
        assertThat(directory.activeUsers()).extracting(DirectoryEntry::sid).containsExactly(SMITH);
        assertThat(expired.dormancyAt(NOW)).isEqualTo("account expired");
    }

    @Test
    void rule5TheSharesPermissionsCapTheFoldersAndSaySo() {
        DirectoryState directory = new DirectoryState(domain(user(PETROVA, "petrova", DOMAIN_USERS, FINANCE)), NOW);
        SharePermissions everyoneReads = new SharePermissions("\\\\fs1\\data", List.of(Ace.allow(WellKnownSids.EVERYONE, 0x1200A9)));
        List<Ace> dacl = List.of(Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.INHERITED));
        PeopleMatrix matrix = people(directory, dacl, everyoneReads);

        assertThat(matrix.level(0, 0)).isEqualTo(Level.READ_EXECUTE);
        assertThat(matrix.explain(0, 0)).containsExactly(
                "Modify (read, change, delete) via Finance (allow, inherited from above the scanned folder), limited to Read & execute by the share's permissions",
                "The share's permissions allow Read & execute: Read & execute via Everyone");
        assertThat(level(directory, PETROVA, dacl, new SharePermissions("\\\\fs1\\data", List.of(Ace.allow(ALL_STAFF, AccessMask.FILE_ALL_ACCESS)))))
                .as("a share that allows the person nothing").isEqualTo(Level.NONE);
        assertThat(level(directory, PETROVA, dacl, new SharePermissions("\\\\fs1\\data", null))).as("a NULL share DACL limits nothing")
                .isEqualTo(Level.MODIFY);
    }

    @Test
    void rule5AShareThatNamesOnePersonIsEvaluatedForThatPersonAlone() {
        DirectoryState directory = new DirectoryState(domain(user(PETROVA, "petrova", DOMAIN_USERS, FINANCE),
                user(SMITH, "smith", DOMAIN_USERS, FINANCE)), NOW);
        SharePermissions share = new SharePermissions("\\\\fs1\\data", List.of(Ace.allow(SMITH, AccessMask.FILE_ALL_ACCESS)));
        List<Ace> dacl = List.of(Ace.allow(FINANCE, AccessMask.MODIFY));

        assertThat(level(directory, SMITH, dacl, share)).isEqualTo(Level.MODIFY);
        assertThat(level(directory, PETROVA, dacl, share)).as("same groups, but the share does not name her").isEqualTo(Level.NONE);
    }

    @Test
    void rule5AnEditOfTheSharesPermissionsChangesEveryFolderReachedThroughIt() {
        DirectoryState directory = new DirectoryState(domain(user(PETROVA, "petrova", DOMAIN_USERS, FINANCE)), NOW);
        EffectiveChanges.FolderAcl finance = new EffectiveChanges.FolderAcl("smb:fs1", "\\\\fs1\\data\\Finance", ADMIN,
                List.of(Ace.allow(FINANCE, AccessMask.MODIFY)));
        SourceContext fullShare = new SourceContext(null, new SharePermissions("\\\\fs1\\data", List.of(Ace.allow(WellKnownSids.EVERYONE,
                AccessMask.FILE_ALL_ACCESS))));
        SourceContext readShare = new SourceContext(null, new SharePermissions("\\\\fs1\\data", List.of(Ace.allow(WellKnownSids.EVERYONE,
                0x1200A9))));

        List<EffectiveChange> changes = EffectiveChanges.ofSnapshot(
                new EffectiveChanges.SourceSnapshots(List.of(), List.of(finance), fullShare, readShare), directory);

        assertThat(changes).containsExactly(new EffectiveChange(PETROVA, "smb:fs1", finance.path(), ChangeKind.LOWERED, Level.MODIFY,
                Level.READ_EXECUTE, ChangeCause.SHARE_PERMISSIONS, "the share's permissions were edited"));
    }

    @Test
    void theMatrixAgreesWithCellByCellEvaluationUnderServerGroupsAndShare() {
        ServerGroups fs1 = ServerGroups.read(List.of(
                new ServerGroups.LocalGroup(WellKnownSids.BUILTIN_USERS, "BUILTIN\\Users", List.of(WellKnownSids.AUTHENTICATED_USERS)),
                new ServerGroups.LocalGroup(FINANCE_RW, "FS1\\Finance-RW", List.of(FINANCE, SMITH))), null);
        DirectoryState directory = new DirectoryState(domain(user(PETROVA, "petrova", DOMAIN_USERS, FINANCE, NEWSLETTER),
                user(SMITH, "smith", CONTRACTORS), user(ADMIN, "administrator", DOMAIN_USERS, DOMAIN_ADMINS)), NOW).onServer(fs1);
        SharePermissions share = new SharePermissions("\\\\fs1\\data", List.of(Ace.deny(SMITH, AccessMask.DELETE),
                Ace.allow(WellKnownSids.AUTHENTICATED_USERS, 0x1301BF)));
        List<List<Ace>> dacls = List.of(
                List.of(Ace.allow(FINANCE_RW, AccessMask.MODIFY), Ace.allow(WellKnownSids.BUILTIN_USERS, AccessMask.READ)),
                List.of(Ace.allow(NEWSLETTER, AccessMask.FILE_ALL_ACCESS), Ace.allow(ADMIN, AccessMask.GENERIC_ALL)),
                List.of(Ace.deny(FINANCE, AccessMask.WRITE), Ace.allow(PETROVA, AccessMask.FILE_ALL_ACCESS)));
        for (List<Ace> dacl : dacls) {
            PeopleMatrix matrix = people(directory, dacl, share);
            for (int p = 0; p < matrix.people().size(); p++) {
                AccessToken token = directory.token(matrix.people().get(p).sid());
                Level cell = NtAccessCheck.evaluate(ADMIN, dacl, token).through(share.limitFor(token)).level();
                assertThat(matrix.level(0, p)).as("%s on %s", matrix.people().get(p).name(), dacl).isEqualTo(cell);
            }
        }
    }
}
