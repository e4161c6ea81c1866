package io.aclens.access.effective;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.Level;
import io.aclens.access.PosixAcl;
import io.aclens.access.PosixAclEntry;
import io.aclens.access.PosixRights;
import io.aclens.access.WellKnownSids;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The same rules over a DACL {@link PosixRights} mapped from a POSIX ACL (group entries already limited by the
     * mask): the owner's entry, else the user's named entry, else the union of the matching group entries, else
     * Everyone ("other"). Inherit-only entries (the default ACL) do not apply to the folder itself.
     */
    public static EffectiveAccess evaluateMapped(String ownerSid, List<Ace> dacl, AccessToken token) {
        List<Ace> own = dacl.stream().filter(Ace::appliesToThisFolder).toList();
        String user = token.userSid();
        if (user.equals(ownerSid)) {
            return granted(own.stream().filter(ace -> ace.sid().equals(ownerSid)).limit(1).toList(), token);
        }
        List<Ace> named = own.stream().filter(ace -> ace.sid().equals(user)).limit(1).toList();
        if (!named.isEmpty()) {
            return granted(named, token);
        }
        List<Ace> groups = own.stream()
                .filter(ace -> ace.sid().startsWith(WellKnownSids.UNIX_GROUP_PREFIX) && token.contains(ace.sid())).toList();
        if (!groups.isEmpty()) {
            return granted(groups, token);
        }
        return granted(own.stream().filter(ace -> ace.sid().equals(WellKnownSids.EVERYONE)).toList(), token);
    }

    private static int rights(Ace ace) {
        return AccessMask.mapGenericRights(ace.mask()) & ~AccessMask.SYNCHRONIZE;
    }

    private static EffectiveAccess granted(List<Ace> aces, AccessToken token) {
        int mask = 0;
        List<AccessPath> paths = new ArrayList<>();
        for (Ace ace : aces) {
            int aceMask = rights(ace);
            mask |= aceMask;
            if (aceMask != 0) {
                paths.add(new AccessPath(ace.sid(), token.chainTo(ace.sid()), aceMask, ace.inherited()));
            }
        }
        return mask == 0 ? EffectiveAccess.NONE : new EffectiveAccess(mask, paths, List.of(), null);
    }
}
