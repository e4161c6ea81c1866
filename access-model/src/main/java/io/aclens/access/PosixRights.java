package io.aclens.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a folder's POSIX ownership and ACLs onto the common ACE model, the way Samba presents them:
 * users as S-1-22-1-uid, groups as S-1-22-2-gid, "other" as Everyone; entries of the default ACL become
 * inherit-only ACEs (default owner/group entries become CREATOR OWNER / CREATOR GROUP).
 */
public final class PosixRights {
    private static final AceFlag[] INHERITABLE = {AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERIT_ONLY};

    private PosixRights() {
    }

    /**
     * @param accessAcl  the extended access ACL, or empty when the mode bits say everything
     * @param defaultAcl the default ACL, or empty when the folder has none
     */
    public static List<Ace> toAces(long uid, long gid, int mode, Optional<PosixAcl> accessAcl, Optional<PosixAcl> defaultAcl) {
        List<Ace> aces = new ArrayList<>();
        PosixAcl access = accessAcl.orElseGet(() -> PosixAcl.fromMode(mode));
        addEntries(aces, access, uid, gid, false);
        defaultAcl.ifPresent(acl -> addEntries(aces, acl, uid, gid, true));
        return aces;
    }

    /** rwx on a folder, as NT rights: r lists and reads, w creates and deletes, x traverses; w with x deletes children. */
    public static int maskOf(int permissions) {
        int mask = 0;
        if ((permissions & 4) != 0) {
            mask |= AccessMask.READ;
        }
        if ((permissions & 2) != 0) {
            mask |= AccessMask.WRITE | AccessMask.DELETE;
        }
        if ((permissions & 1) != 0) {
            mask |= AccessMask.EXECUTE;
        }
        if ((permissions & 3) == 3) {
            mask |= AccessMask.DELETE_CHILD;
        }
        return mask;
    }

    private static void addEntries(List<Ace> aces, PosixAcl acl, long uid, long gid, boolean inheritable) {
        int limit = acl.mask().orElse(7);
        AceFlag[] flags = inheritable ? INHERITABLE : new AceFlag[0];
        for (PosixAclEntry entry : acl.entries()) {
            switch (entry.tag()) {
                // The owner can always change the permissions, so it holds full control whatever its bits say.
                case USER_OBJ -> aces.add(Ace.allow(inheritable ? WellKnownSids.CREATOR_OWNER : WellKnownSids.unixUser(uid),
                        AccessMask.FULL_CONTROL, flags));
                case USER -> aces.add(Ace.allow(WellKnownSids.unixUser(entry.id()), maskOf(entry.permissions() & limit), flags));
                case GROUP_OBJ -> aces.add(Ace.allow(inheritable ? WellKnownSids.CREATOR_GROUP : WellKnownSids.unixGroup(gid),
                        maskOf(entry.permissions() & limit), flags));
                case GROUP -> aces.add(Ace.allow(WellKnownSids.unixGroup(entry.id()), maskOf(entry.permissions() & limit), flags));
                case OTHER -> aces.add(Ace.allow(WellKnownSids.EVERYONE, maskOf(entry.permissions()), flags));
                case MASK -> {
                    // applied to the entries above; it grants nothing by itself
                }
            }
        }
    }
}
