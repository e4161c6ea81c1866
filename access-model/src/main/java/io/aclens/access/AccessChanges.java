package io.aclens.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns two states of the same folder into the semantic changes between them. */
public final class AccessChanges {
    private AccessChanges() {
    }

    /**
     * @param before the folder in the previous snapshot, or {@code null} if it did not exist
     * @param after  the folder in the new snapshot, or {@code null} if it is gone
     */
    public static List<AccessChange> between(FolderState before, FolderState after) {
        if (before == null && after == null) {
            throw new IllegalArgumentException("A change needs at least one side");
        }
        if (before == null) {
            return List.of(new AccessChange(after.path(), ChangeKind.FOLDER_ADDED, null, null, null, ChangeCause.FOLDER_LIFECYCLE));
        }
        if (after == null) {
            return List.of(new AccessChange(before.path(), ChangeKind.FOLDER_REMOVED, null, null, null, ChangeCause.FOLDER_LIFECYCLE));
        }
        // A folder we could not read on one side says nothing about its permissions: comparing would
        // report every entry as revoked (or granted) when nothing changed.
        if (!before.readable() || !after.readable()) {
            return List.of();
        }
        String path = after.path();
        List<AccessChange> changes = new ArrayList<>();
        if (before.inheritanceProtected() != after.inheritanceProtected()) {
            changes.add(new AccessChange(path, after.inheritanceProtected() ? ChangeKind.INHERITANCE_BROKEN
                    : ChangeKind.INHERITANCE_RESTORED, null, null, null, ChangeCause.ACL_EDIT));
        }
        if (!Objects.equals(before.ownerSid(), after.ownerSid())) {
            changes.add(new AccessChange(path, ChangeKind.OWNER_CHANGED, after.ownerSid(), null, null, ChangeCause.OWNERSHIP));
        }
        Map<String, Level> oldLevels = PrincipalLevels.of(before.dacl());
        Map<String, Level> newLevels = PrincipalLevels.of(after.dacl());
        Set<String> sids = new LinkedHashSet<>(oldLevels.keySet());
        sids.addAll(newLevels.keySet());
        for (String sid : sids) {
            Level was = oldLevels.getOrDefault(sid, Level.NONE);
            Level is = newLevels.getOrDefault(sid, Level.NONE);
            if (was != is) {
                changes.add(new AccessChange(path, kindOf(was, is), sid, was, is, ChangeCause.ACL_EDIT));
            }
        }
        return changes;
    }

    /** What the ACL changes of a share's own permissions are filed under: the share, marked as its permissions. */
    public static String sharePermissionsPath(String share) {
        return share + " (share permissions)";
    }

    /**
     * The entries of a share's own permissions that changed (a null DACL allows everyone everything), per principal,
     * filed under {@link #sharePermissionsPath}.
     */
    public static List<AccessChange> ofSharePermissions(String share, List<Ace> before, List<Ace> after) {
        Map<String, Level> oldLevels = PrincipalLevels.of(before == null ? List.of(Ace.allow(WellKnownSids.EVERYONE, AccessMask.FILE_ALL_ACCESS)) : before);
        Map<String, Level> newLevels = PrincipalLevels.of(after == null ? List.of(Ace.allow(WellKnownSids.EVERYONE, AccessMask.FILE_ALL_ACCESS)) : after);
        Set<String> sids = new LinkedHashSet<>(oldLevels.keySet());
        sids.addAll(newLevels.keySet());
        List<AccessChange> changes = new ArrayList<>();
        for (String sid : sids) {
            Level was = oldLevels.getOrDefault(sid, Level.NONE);
            Level is = newLevels.getOrDefault(sid, Level.NONE);
            if (was != is) {
                changes.add(new AccessChange(sharePermissionsPath(share), kindOf(was, is), sid, was, is, ChangeCause.SHARE_PERMISSIONS));
            }
        }
        return changes;
    }

    public static ChangeKind kindOf(Level was, Level is) {
        if (was == Level.NONE) {
            return ChangeKind.GRANTED;
        }
        if (is == Level.NONE) {
            return ChangeKind.REVOKED;
        }
        return is.rank() > was.rank() ? ChangeKind.RAISED : ChangeKind.LOWERED;
    }
}
