package io.aclens.access.effective;

import io.aclens.access.AccessChanges;
import io.aclens.access.Ace;
import io.aclens.access.ChangeCause;
import io.aclens.access.Level;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes in effective terms: what each person gained or lost, and why. A new snapshot of a source is evaluated
 * for every person who can log on: its edited folders (cause ACL edit) and, when the share's permissions or the
 * server's own groups changed, every folder. A directory change (membership, account state) is evaluated for the
 * people it touched against every folder, with no ACL changed. Evaluations go through {@link EffectiveMatrix},
 * so each distinct ACL is evaluated once per distinct group set.
 */
public final class EffectiveChanges {
    private EffectiveChanges() {
    }

    /** A folder's owner and DACL in one snapshot. */
    public record FolderAcl(String sourceId, String path, String ownerSid, List<Ace> dacl) {
    }

    /** A folder whose ACL or owner changed between two snapshots of its source. */
    public record EditedFolder(FolderAcl before, FolderAcl after) {
    }

    /**
     * Two consecutive snapshots of one source.
     *
     * @param edited    the folders whose ACL or owner changed
     * @param unchanged every other readable folder of the new snapshot; needed only when the context changed
     */
    public record SourceSnapshots(List<EditedFolder> edited, List<FolderAcl> unchanged, SourceContext before, SourceContext after) {
        public boolean contextChanged() {
            return !before.sameShareAs(after) || !before.sameServerGroupsAs(after);
        }
    }

    /** A source's readable folders in its current snapshot, with what its server adds. */
    public record SourceFolders(SourceContext context, List<FolderAcl> folders) {
    }

    /** ACL edits of a source whose server and share did not change. */
    public static List<EffectiveChange> ofAclEdits(List<EditedFolder> edited, DirectoryState directory) {
        return ofSnapshot(new SourceSnapshots(edited, List.of(), SourceContext.NONE, SourceContext.NONE), directory);
    }

    public static List<EffectiveChange> ofSnapshot(SourceSnapshots snapshots, DirectoryState directory) {
        List<FolderAcl> before = new ArrayList<>();
        List<FolderAcl> after = new ArrayList<>();
        snapshots.edited().forEach(e -> {
            before.add(e.before());
            after.add(e.after());
        });
        boolean contextChanged = snapshots.contextChanged();
        if (contextChanged) {
            before.addAll(snapshots.unchanged());
            after.addAll(snapshots.unchanged());
        }
        DirectoryState was = snapshots.before().directoryOn(directory);
        DirectoryState is = snapshots.after().directoryOn(directory);
        List<DirectoryEntry> people = directory.activeUsers();
        EffectiveMatrix matrixBefore = matrix(before, people, was, snapshots.before().share());
        EffectiveMatrix matrixAfter = matrix(after, people, is, snapshots.after().share());
        String contextDetail = contextDetail(snapshots);
        ChangeCause contextCause = snapshots.before().sameShareAs(snapshots.after()) ? ChangeCause.MEMBERSHIP : ChangeCause.SHARE_PERMISSIONS;
        List<EffectiveChange> changes = new ArrayList<>();
        for (int f = 0; f < after.size(); f++) {
            FolderAcl folder = after.get(f);
            boolean edited = f < snapshots.edited().size();
            for (DirectoryEntry person : people) {
                Level levelBefore = matrixBefore.level(person.sid(), f);
                Level levelAfter = matrixAfter.level(person.sid(), f);
                if (levelBefore != levelAfter) {
                    changes.add(new EffectiveChange(person.sid(), folder.sourceId(), folder.path(), AccessChanges.kindOf(levelBefore, levelAfter),
                            levelBefore, levelAfter, edited ? ChangeCause.ACL_EDIT : contextCause,
                            edited ? "the folder's permissions were edited" + (contextChanged ? "; " + contextDetail : "") : contextDetail));
                }
            }
        }
        return changes;
    }

    private static String contextDetail(SourceSnapshots snapshots) {
        List<String> parts = new ArrayList<>();
        if (!snapshots.before().sameShareAs(snapshots.after())) {
            parts.add("the share's permissions were edited");
        }
        if (!snapshots.before().sameServerGroupsAs(snapshots.after())) {
            parts.add("the server's own groups changed");
        }
        return String.join("; ", parts);
    }

    public static List<EffectiveChange> ofDirectoryChange(List<SourceFolders> sources, DirectoryState before, DirectoryState after) {
        Map<String, Cause> affected = affectedUsers(before, after);
        List<EffectiveChange> changes = new ArrayList<>();
        if (affected.isEmpty()) {
            return changes;
        }
        for (SourceFolders source : sources) {
            if (source.folders().isEmpty()) {
                continue;
            }
            DirectoryState was = source.context().directoryOn(before);
            DirectoryState is = source.context().directoryOn(after);
            EffectiveMatrix matrixBefore = matrix(source.folders(), activeAmong(before, affected.keySet()), was, source.context().share());
            EffectiveMatrix matrixAfter = matrix(source.folders(), activeAmong(after, affected.keySet()), is, source.context().share());
            for (Map.Entry<String, Cause> user : affected.entrySet()) {
                String sid = user.getKey();
                boolean activeBefore = before.isActiveUser(sid);
                boolean activeAfter = after.isActiveUser(sid);
                for (int f = 0; f < source.folders().size(); f++) {
                    Level levelBefore = activeBefore ? matrixBefore.level(sid, f) : Level.NONE;
                    Level levelAfter = activeAfter ? matrixAfter.level(sid, f) : Level.NONE;
                    if (levelBefore != levelAfter) {
                        FolderAcl folder = source.folders().get(f);
                        changes.add(new EffectiveChange(sid, folder.sourceId(), folder.path(), AccessChanges.kindOf(levelBefore, levelAfter),
                                levelBefore, levelAfter, user.getValue().cause(), user.getValue().detail()));
                    }
                }
            }
        }
        return changes;
    }

    private record Cause(ChangeCause cause, String detail) {
    }

    /** Users whose ability to log on or whose token differs; the account's own change explains more than its groups. */
    private static Map<String, Cause> affectedUsers(DirectoryState before, DirectoryState after) {
        Set<String> users = new LinkedHashSet<>();
        before.users().forEach(u -> users.add(u.sid()));
        after.users().forEach(u -> users.add(u.sid()));
        Map<String, Cause> affected = new LinkedHashMap<>();
        for (String sid : users) {
            DirectoryEntry was = before.entry(sid).filter(DirectoryEntry::describesUser).orElse(null);
            DirectoryEntry is = after.entry(sid).filter(DirectoryEntry::describesUser).orElse(null);
            if (was == null) {
                affected.put(sid, new Cause(ChangeCause.ACCOUNT, "account created"));
            } else if (is == null) {
                affected.put(sid, new Cause(ChangeCause.ACCOUNT, "account deleted"));
            } else if (before.canLogOn(was) != after.canLogOn(is)) {
                String dormancy = is.dormancyAt(after.asOf());
                affected.put(sid, new Cause(ChangeCause.ACCOUNT, dormancy == null ? (was.enabled() ? "account no longer expired" : "account enabled")
                        : dormancy));
            } else if (after.canLogOn(is)) {
                Set<String> groupsBefore = before.token(sid).sids();
                Set<String> groupsAfter = after.token(sid).sids();
                if (!groupsBefore.equals(groupsAfter)) {
                    affected.put(sid, new Cause(ChangeCause.MEMBERSHIP, membershipDetail(groupsBefore, groupsAfter, before, after)));
                }
            }
        }
        return affected;
    }

    private static String membershipDetail(Set<String> before, Set<String> after, DirectoryState dirBefore, DirectoryState dirAfter) {
        Set<String> joined = new TreeSet<>();
        after.stream().filter(sid -> !before.contains(sid)).forEach(sid -> joined.add(dirAfter.nameOf(sid)));
        Set<String> left = new TreeSet<>();
        before.stream().filter(sid -> !after.contains(sid)).forEach(sid -> left.add(dirBefore.nameOf(sid)));
        List<String> parts = new ArrayList<>();
        if (!joined.isEmpty()) {
            parts.add("joined " + String.join(", ", joined));
        }
        if (!left.isEmpty()) {
            parts.add("left " + String.join(", ", left));
        }
        return String.join("; ", parts);
    }

    private static List<DirectoryEntry> activeAmong(DirectoryState directory, Set<String> sids) {
        return sids.stream().filter(directory::isActiveUser).map(sid -> directory.entry(sid).orElseThrow()).toList();
    }

    /** @param onServer the directory as the folders' server sees it: it makes the tokens */
    private static EffectiveMatrix matrix(List<FolderAcl> folders, List<DirectoryEntry> people, DirectoryState onServer, SharePermissions share) {
        List<AccessToken> tokens = people.stream().map(p -> onServer.token(p.sid())).toList();
        Map<List<Ace>, List<Ace>> shared = new HashMap<>();
        return EffectiveMatrix.forFolders(folders.stream()
                .map(f -> new EffectiveMatrix.Acl(f.ownerSid(), shared.computeIfAbsent(f.dacl(), d -> d))).toList(), tokens, share);
    }
}
