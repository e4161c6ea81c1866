package io.aclens.access.effective;

import io.aclens.access.Level;
import io.aclens.access.PosixAcl;
import io.aclens.access.PosixAclEntry;
import io.aclens.access.PosixRights;
import java.util.Set;

/**
 * The POSIX.1e access check: the owner gets the owner entry; else a named-user entry (limited by the mask);
 * else, if any of the user's groups match the owning group or a named group, the union of those entries
 * limited by the mask — and nothing else even if it grants nothing; else "other". The owner may always
 * change the permissions, so it holds full control, as in {@link PosixRights}.
 */
public final class PosixAccessCheck {
    private PosixAccessCheck() {
    }

    public static Level evaluate(long ownerUid, long owningGid, PosixAcl acl, long uid, Set<Long> gids) {
        if (uid == ownerUid) {
            return Level.FULL;
        }
        int mask = acl.mask().orElse(7);
        for (PosixAclEntry entry : acl.entries()) {
            if (entry.tag() == PosixAclEntry.Tag.USER && entry.id() == uid) {
                return Level.fromMask(PosixRights.maskOf(entry.permissions() & mask));
            }
        }
        boolean groupMatched = false;
        int groupPermissions = 0;
        for (PosixAclEntry entry : acl.entries()) {
            boolean matches = (entry.tag() == PosixAclEntry.Tag.GROUP_OBJ && gids.contains(owningGid))
                    || (entry.tag() == PosixAclEntry.Tag.GROUP && gids.contains(entry.id()));
            if (matches) {
                groupMatched = true;
                groupPermissions |= entry.permissions();
            }
        }
        if (groupMatched) {
            return Level.fromMask(PosixRights.maskOf(groupPermissions & mask));
        }
        return acl.first(PosixAclEntry.Tag.OTHER).map(e -> Level.fromMask(PosixRights.maskOf(e.permissions()))).orElse(Level.NONE);
    }
}
