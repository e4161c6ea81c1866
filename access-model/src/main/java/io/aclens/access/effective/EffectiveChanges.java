package io.aclens.access.effective;

import io.aclens.access.AccessChanges;
import io.aclens.access.Ace;
import io.aclens.access.ChangeCause;
import io.aclens.access.Level;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes in effective terms: what each person gained or lost, and why. An ACL edit is evaluated for every
 * enabled person against one directory; a directory change (membership, account state) is evaluated for the
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

    public static List<EffectiveChange> ofAclEdits(List<EditedFolder> edited, DirectoryState directory) {
        List<FolderAcl> folders = new ArrayList<>(edited.size() * 2);
        edited.forEach(e -> folders.add(e.before()));
        edited.forEach(e -> folders.add(e.after()));
        List<AccessToken> tokens = directory.enabledUsers().stream().map(user -> directory.token(user.sid())).toList();
        EffectiveMatrix matrix = matrix(folders, tokens);
        List<EffectiveChange> changes = new ArrayList<>();
        for (int i = 0; i < edited.size(); i++) {
            FolderAcl after = edited.get(i).after();
            for (AccessToken token : tokens) {
                Level was = matrix.level(token.userSid(), i);
                Level is = matrix.level(token.userSid(), edited.size() + i);
                if (was != is) {
                    changes.add(new EffectiveChange(token.userSid(), after.sourceId(), after.path(), AccessChanges.kindOf(was, is), was, is,
                            ChangeCause.ACL_EDIT, "the folder's permissions were edited"));
                }
            }
        }
        return changes;
    }

    public static List<EffectiveChange> ofDirectoryChange(List<FolderAcl> folders, DirectoryState before, DirectoryState after) {
        Map<String, Cause> affected = affectedUsers(before, after);
        if (affected.isEmpty() || folders.isEmpty()) {
            return List.of();
        }
        EffectiveMatrix was = matrix(folders, tokensOfActive(before, affected.keySet()));
        EffectiveMatrix is = matrix(folders, tokensOfActive(after, affected.keySet()));
        List<EffectiveChange> changes = new ArrayList<>();
        for (Map.Entry<String, Cause> user : affected.entrySet()) {
            String sid = user.getKey();
            boolean activeBefore = active(before, sid);
            boolean activeAfter = active(after, sid);
            for (int f = 0; f < folders.size(); f++) {
                Level levelBefore = activeBefore ? was.level(sid, f) : Level.NONE;
                Level levelAfter = activeAfter ? is.level(sid, f) : Level.NONE;
                if (levelBefore != levelAfter) {
                    FolderAcl folder = folders.get(f);
                    changes.add(new EffectiveChange(sid, folder.sourceId(), folder.path(), AccessChanges.kindOf(levelBefore, levelAfter),
                            levelBefore, levelAfter, user.getValue().cause(), user.getValue().detail()));
                }
            }
        }
        return changes;
    }

    private record Cause(ChangeCause cause, String detail) {
    }

    /** Users whose account state or token differs; the account's own change explains more than its groups. */
    private static Map<String, Cause> affectedUsers(DirectoryState before, DirectoryState after) {
        Set<String> users = new LinkedHashSet<>();
        before.users().forEach(u -> users.add(u.sid()));
        after.users().forEach(u -> users.add(u.sid()));
        Map<String, Cause> affected = new HashMap<>();
        for (String sid : users) {
            DirectoryEntry was = before.entry(sid).filter(DirectoryEntry::describesUser).orElse(null);
            DirectoryEntry is = after.entry(sid).filter(DirectoryEntry::describesUser).orElse(null);
            if (was == null) {
                affected.put(sid, new Cause(ChangeCause.ACCOUNT, "account created"));
            } else if (is == null) {
                affected.put(sid, new Cause(ChangeCause.ACCOUNT, "account deleted"));
            } else if (was.enabled() != is.enabled()) {
                affected.put(sid, new Cause(ChangeCause.ACCOUNT, is.enabled() ? "account enabled" : "account disabled"));
            } else if (is.enabled()) {
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

    private static boolean active(DirectoryState directory, String sid) {
        return directory.entry(sid).filter(DirectoryEntry::describesUser).map(DirectoryEntry::enabled).orElse(false);
    }

    private static List<AccessToken> tokensOfActive(DirectoryState directory, Set<String> sids) {
        return sids.stream().filter(sid -> active(directory, sid)).map(directory::token).toList();
    }

    private static EffectiveMatrix matrix(List<FolderAcl> folders, List<AccessToken> tokens) {
        return EffectiveMatrix.forFolders(folders.stream().map(f -> new EffectiveMatrix.Acl(f.ownerSid(), f.dacl())).toList(), tokens);
    }
}
