package io.aclens.access.effective;

import io.aclens.access.Ace;
import io.aclens.access.AceType;
import io.aclens.access.Level;
import io.aclens.access.WellKnownSids;
import java.util.List;

/**
 * The access check a folder's own server applies: Windows' for NT security descriptors, POSIX.1e's for
 * ACLs that came from a Linux server (owned by a Unix SID, naming only Unix SIDs and Everyone, allow-only,
 * as {@link io.aclens.access.PosixRights} and Samba present them).
 */
public enum AccessCheck {
    WINDOWS {
        @Override
        public EffectiveAccess evaluate(String ownerSid, List<Ace> dacl, AccessToken token) {
            return NtAccessCheck.evaluate(ownerSid, dacl, token);
        }

        @Override
        public int mask(String ownerSid, List<Ace> dacl, AccessToken token) {
            return NtAccessCheck.mask(ownerSid, dacl, token);
        }
    },
    POSIX {
        @Override
        public EffectiveAccess evaluate(String ownerSid, List<Ace> dacl, AccessToken token) {
            return PosixAccessCheck.evaluateMapped(ownerSid, dacl, token);
        }
    };

    public abstract EffectiveAccess evaluate(String ownerSid, List<Ace> dacl, AccessToken token);

    /**
     * Only the rights the folder's ACL grants, without the access paths (Windows' check finds them without collecting
     * paths). A matrix evaluating an ACL many times compiles it instead ({@link CompiledAcl}).
     */
    public int mask(String ownerSid, List<Ace> dacl, AccessToken token) {
        return evaluate(ownerSid, dacl, token).folderMask();
    }

    public Level level(String ownerSid, List<Ace> dacl, AccessToken token) {
        return Level.fromMask(mask(ownerSid, dacl, token));
    }

    /** The rules the folder's own server applies; decide once per ACL and reuse (the matrix evaluates an ACL many times). */
    public static AccessCheck of(String ownerSid, List<Ace> dacl) {
        return isPosix(ownerSid, dacl) ? POSIX : WINDOWS;
    }

    /** Whether the ACL was read from a POSIX tree (owner and entries in the Unix SID ranges), whose server applies POSIX rules. */
    public static boolean isPosix(String ownerSid, List<Ace> dacl) {
        if (dacl == null || ownerSid == null || !ownerSid.startsWith(WellKnownSids.UNIX_USER_PREFIX)) {
            return false;
        }
        for (Ace ace : dacl) {
            String sid = ace.sid();
            boolean posixSid = sid.startsWith(WellKnownSids.UNIX_USER_PREFIX) || sid.startsWith(WellKnownSids.UNIX_GROUP_PREFIX)
                    || sid.equals(WellKnownSids.EVERYONE) || sid.equals(WellKnownSids.CREATOR_OWNER) || sid.equals(WellKnownSids.CREATOR_GROUP);
            if (ace.type() != AceType.ALLOW || !posixSid) {
                return false;
            }
        }
        return true;
    }
}
