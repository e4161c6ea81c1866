package io.aclens.access.findings;

import io.aclens.access.AccessMask;
import io.aclens.access.AccessMatrix;
import io.aclens.access.Ace;
import io.aclens.access.AceType;
import io.aclens.access.FolderPath;
import io.aclens.access.Level;
import io.aclens.access.MatrixFolder;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.PrincipalKind;
import io.aclens.access.ReadableRows;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.AccessCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risks of one source's folders as its server and the client's directory show them. Pure: the rows of the access
 * matrix (each folder's DACL and the level it gives each named principal), the people matrix when the directory is
 * known, and the directory as that server sees it.
 */
public final class RiskFindings {
    public static final int FOLDERS_LISTED = 200;
    public static final Duration STALE_AFTER = Duration.ofDays(90);
    private static final int CHANGE_PERMISSIONS = AccessMask.WRITE_DAC | AccessMask.WRITE_OWNER | AccessMask.GENERIC_ALL;
    /** The system itself (and Linux's root, uid and gid 0): never a risk of its own. */
    private static final Set<String> IMPLICIT = Set.of(WellKnownSids.CREATOR_OWNER, WellKnownSids.CREATOR_GROUP, WellKnownSids.OWNER_RIGHTS,
            WellKnownSids.SYSTEM, WellKnownSids.UNIX_USER_PREFIX + "0", WellKnownSids.UNIX_GROUP_PREFIX + "0");

    private RiskFindings() {
    }

    /** Whether a SID stands for (nearly) everybody: Everyone, Authenticated Users, Anonymous, BUILTIN\Users, Domain Users. */
    public static boolean broad(String sid) {
        return sid.equals(WellKnownSids.EVERYONE) || sid.equals(WellKnownSids.AUTHENTICATED_USERS) || sid.equals(WellKnownSids.ANONYMOUS)
                || sid.equals(WellKnownSids.BUILTIN_USERS) || sid.startsWith("S-1-5-21-") && sid.endsWith("-513");
    }

    public static List<Finding> evaluate(String sourceId, List<AccessMatrix.Row> rows, PeopleMatrix people, DirectoryState directory, Instant now) {
        Map<String, Builder> found = new LinkedHashMap<>();
        boolean directoryKnown = directory != null && !directory.isEmpty();
        // rows come in tree order: a folder's parent is the last row one level up (no index of a million paths)
        int[] parents = ReadableRows.parentRows(rows.stream().map(AccessMatrix.Row::folder).toList());
        Map<String, Boolean> emptyGroups = new HashMap<>(); // the whole directory is read once per group, not once per folder
        for (int r = 0; r < rows.size(); r++) {
            AccessMatrix.Row row = rows.get(r);
            MatrixFolder folder = row.folder();
            MatrixFolder parent = parents[r] < 0 ? null : rows.get(parents[r]).folder();
            if (folder.readError() != null || folder.dacl() == null) {
                continue;
            }
            if (folder.nullDacl()) {
                found.computeIfAbsent(key(FindingKind.NULL_DACL, sourceId, ""), k -> new Builder(k, FindingKind.NULL_DACL, sourceId, ""))
                        .folder(folder.path());
            } else if (inheritanceDiffers(folder, parent)) {
                found.computeIfAbsent(key(FindingKind.INHERITANCE_MISMATCH, sourceId, ""),
                        k -> new Builder(k, FindingKind.INHERITANCE_MISMATCH, sourceId, "")).folder(folder.path());
            }
            if (!canonical(folder.dacl())) {
                found.computeIfAbsent(key(FindingKind.NON_CANONICAL_ORDER, sourceId, ""),
                        k -> new Builder(k, FindingKind.NON_CANONICAL_ORDER, sourceId, "")).folder(folder.path());
            }
            if (folder.inheritanceProtected() && folder.depth() > 0) {
                found.computeIfAbsent(key(FindingKind.INHERITANCE_BROKEN, sourceId, ""), k -> new Builder(k, FindingKind.INHERITANCE_BROKEN, sourceId, ""))
                        .folder(folder.path());
            }
            if (!row.levels().isEmpty() && row.levels().values().stream().noneMatch(level -> level == Level.FULL)) {
                found.computeIfAbsent(key(FindingKind.NOBODY_HAS_FULL_CONTROL, sourceId, ""),
                        k -> new Builder(k, FindingKind.NOBODY_HAS_FULL_CONTROL, sourceId, "")).folder(folder.path());
            }
            row.levels().forEach((sid, level) -> {
                if (broad(sid) && (level == Level.MODIFY || level == Level.FULL)) {
                    add(found, FindingKind.BROAD_GROUP_CAN_CHANGE, sourceId, sid, directory, folder.path());
                }
            });
            for (Ace ace : folder.dacl()) {
                if (ace.type() != AceType.ALLOW || !ace.appliesToThisFolder() || IMPLICIT.contains(ace.sid())) {
                    continue;
                }
                if (broad(ace.sid()) && (ace.mask() & CHANGE_PERMISSIONS) != 0) {
                    add(found, FindingKind.BROAD_GROUP_CAN_CHANGE_PERMISSIONS, sourceId, ace.sid(), directory, folder.path());
                }
                if (!directoryKnown || ace.inherited()) {
                    continue; // who a SID is needs the directory; an inherited entry is the parent's finding
                }
                DirectoryEntry entry = directory.entry(ace.sid()).orElse(null);
                if (directory.isServerLocal(ace.sid())) {
                    add(found, FindingKind.LOCAL_ACCOUNT, sourceId, ace.sid(), directory, folder.path());
                } else if (!directory.resolves(ace.sid())) {
                    add(found, FindingKind.ORPHANED_SID, sourceId, ace.sid(), directory, folder.path());
                } else if (entry != null && entry.kind() == PrincipalKind.USER && !ace.sid().equals(folder.ownerSid())) {
                    add(found, entry.canLogOnAt(now) ? FindingKind.USER_NAMED_DIRECTLY : FindingKind.DORMANT_ACCOUNT, sourceId, ace.sid(), directory,
                            folder.path());
                } else if (entry != null && entry.kind() == PrincipalKind.GROUP
                        && emptyGroups.computeIfAbsent(ace.sid(), group -> isEmpty(directory, group))) {
                    add(found, FindingKind.EMPTY_GROUP_GRANTS, sourceId, ace.sid(), directory, folder.path());
                }
            }
        }
        if (people != null) {
            staleAccounts(found, sourceId, people, directory, now);
        }
        return found.values().stream().map(Builder::build)
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::kind).thenComparing(Finding::subject)).toList();
    }

    /** Enabled accounts whose last logon is older than 90 days and that can still reach a folder. */
    private static void staleAccounts(Map<String, Builder> found, String sourceId, PeopleMatrix people, DirectoryState directory, Instant now) {
        Instant threshold = now.minus(STALE_AFTER);
        for (int person = 0; person < people.people().size(); person++) {
            DirectoryEntry user = people.people().get(person);
            if (!people.canLogOn(person) || user.lastLogon() == null || user.lastLogon().isAfter(threshold)) {
                continue;
            }
            for (int row = 0; row < people.rows().size(); row++) {
                if (people.level(row, person) != Level.NONE) {
                    add(found, FindingKind.STALE_ACCOUNT, sourceId, user.sid(), directory, people.rows().get(row).folder().path());
                }
            }
        }
    }

    /** An NT folder that inherits, whose inherited entries are not what its scanned parent passes down. */
    private static boolean inheritanceDiffers(MatrixFolder folder, MatrixFolder parent) {
        if (folder.depth() == 0 || folder.inheritanceProtected() || AccessCheck.isPosix(folder.ownerSid(), folder.dacl())) {
            return false; // POSIX default ACLs are copied once, at creation: a later difference is how POSIX works
        }
        String parentPath = FolderPath.parent(folder.path());
        return parent != null && parentPath != null && FolderPath.sameFolder(parent.path(), parentPath) && parent.readError() == null && !parent.nullDacl() && parent.dacl() != null
                && !InheritanceCheck.matchesParent(parent.dacl(), folder.dacl());
    }

    /** Windows' order: explicit entries before inherited ones, and within the explicit ones every deny before any allow. */
    static boolean canonical(List<Ace> dacl) {
        boolean inheritedSeen = false;
        boolean explicitAllowSeen = false;
        for (Ace ace : dacl) {
            if (ace.inherited()) {
                inheritedSeen = true;
            } else if (inheritedSeen || ace.type() == AceType.DENY && explicitAllowSeen) {
                return false;
            } else if (ace.type() == AceType.ALLOW) {
                explicitAllowSeen = true;
            }
        }
        return true;
    }

    /** A group nobody is a member of, directly or as primary group. */
    private static boolean isEmpty(DirectoryState directory, String groupSid) {
        for (DirectoryEntry entry : directory.entries()) {
            if (entry.memberOf().contains(groupSid) || groupSid.equals(entry.primaryGroupSid())) {
                return false;
            }
        }
        return true;
    }

    private static void add(Map<String, Builder> found, FindingKind kind, String sourceId, String sid, DirectoryState directory, String path) {
        found.computeIfAbsent(key(kind, sourceId, sid), k -> {
            String name = directory == null ? WellKnownSids.lookup(sid).map(p -> p.name()).orElse(sid) : directory.nameOf(sid);
            Builder builder = new Builder(k, kind, sourceId, name);
            if (directory != null) {
                directory.entry(sid).filter(e -> e.kind() == PrincipalKind.USER)
                        .ifPresent(user -> builder.people.add(user.fullName() == null || user.fullName().isBlank() ? user.name() : user.fullName()));
            }
            return builder;
        }).folder(path);
    }

    private static String key(FindingKind kind, String sourceId, String subjectSid) {
        return kind.name() + "|" + sourceId + "|" + subjectSid;
    }

    private static final class Builder {
        private final String key;
        private final FindingKind kind;
        private final String sourceId;
        private final String subject;
        private final List<String> folders = new ArrayList<>();
        private final Set<String> people = new LinkedHashSet<>();
        private int folderCount;

        Builder(String key, FindingKind kind, String sourceId, String subject) {
            this.key = key;
            this.kind = kind;
            this.sourceId = sourceId;
            this.subject = subject;
        }

        Builder folder(String path) {
            if (folders.isEmpty() || !folders.get(folders.size() - 1).equals(path)) {
                folderCount++;
                if (folders.size() < FOLDERS_LISTED) {
                    folders.add(path);
                }
            }
            return this;
        }

        Finding build() {
            return new Finding(key, kind, sourceId, subject, folderCount, folders, List.copyOf(people));
        }
    }
}
