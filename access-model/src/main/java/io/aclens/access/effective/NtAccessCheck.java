package io.aclens.access.effective;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceType;
import io.aclens.access.Level;
import io.aclens.access.WellKnownSids;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows' access check for a folder itself, as the maximum-allowed evaluation does it: walk the DACL in
 * order over the token; a deny ACE blocks the bits not yet granted, an allow ACE adds the bits not yet
 * denied; inherit-only ACEs do not apply. Windows maps generic rights when it writes or inherits an ACE, and the
 * check compares the stored mask as it is: GENERIC_* bits left in an entry that applies to the folder grant and
 * deny nothing (tools and Samba leave them there). The owner is implicitly granted READ_CONTROL and WRITE_DAC
 * unless the DACL has an OWNER RIGHTS entry, which then defines the owner's rights. CREATOR OWNER / CREATOR
 * GROUP entries are templates for children: no token holds those SIDs.
 */
public final class NtAccessCheck {
    static final int OWNER_IMPLICIT = AccessMask.READ_CONTROL | AccessMask.WRITE_DAC;
    static final int GENERIC_BITS = AccessMask.GENERIC_ALL | AccessMask.GENERIC_EXECUTE | AccessMask.GENERIC_WRITE
            | AccessMask.GENERIC_READ;

    private NtAccessCheck() {
    }

    /** @param dacl the folder's DACL; {@code null} for a NULL DACL, which grants everyone everything */
    public static EffectiveAccess evaluate(String ownerSid, List<Ace> dacl, AccessToken token) {
        List<AccessPath> paths = new ArrayList<>();
        List<AccessPath> inert = new ArrayList<>();
        int granted = grantedMask(ownerSid, dacl, token, paths, inert);
        return granted == 0 && inert.isEmpty() ? EffectiveAccess.NONE : new EffectiveAccess(granted, paths, inert, null);
    }

    /** Only the granted rights, without the access paths: what the matrix needs for millions of cells. */
    public static int mask(String ownerSid, List<Ace> dacl, AccessToken token) {
        return grantedMask(ownerSid, dacl, token, null, null);
    }

    public static Level level(String ownerSid, List<Ace> dacl, AccessToken token) {
        return Level.fromMask(mask(ownerSid, dacl, token));
    }

    private static int grantedMask(String ownerSid, List<Ace> dacl, AccessToken token, List<AccessPath> paths, List<AccessPath> inert) {
        if (dacl == null) {
            if (paths != null) {
                paths.add(new AccessPath(WellKnownSids.EVERYONE, List.of(), AccessMask.FILE_ALL_ACCESS, false));
            }
            return AccessMask.FILE_ALL_ACCESS;
        }
        int granted = 0;
        int denied = 0;
        boolean owner = ownerSid != null && token.contains(ownerSid);
        if (owner && !hasOwnerRightsEntry(dacl)) {
            granted = OWNER_IMPLICIT;
            if (paths != null) {
                paths.add(new AccessPath(ownerSid, token.chainTo(ownerSid), OWNER_IMPLICIT, false));
            }
        }
        for (Ace ace : dacl) {
            if (!ace.appliesToThisFolder()) {
                continue;
            }
            boolean applies = token.contains(ace.sid()) || (owner && ace.sid().equals(WellKnownSids.OWNER_RIGHTS));
            if (!applies) {
                continue;
            }
            int mask = ace.mask() & ~GENERIC_BITS & ~AccessMask.SYNCHRONIZE;
            if (ace.type() == AceType.DENY) {
                denied |= mask & ~granted;
            } else {
                if (inert != null && (ace.mask() & GENERIC_BITS) != 0) {
                    inert.add(new AccessPath(ace.sid(), token.chainTo(ace.sid()), ace.mask() & GENERIC_BITS, ace.inherited()));
                }
                // Every ACE that grants something undenied is a path, even when an earlier one granted it too.
                int allowed = mask & ~denied;
                if (allowed != 0 && paths != null) {
                    paths.add(new AccessPath(ace.sid(), token.chainTo(ace.sid()), allowed, ace.inherited()));
                }
                granted |= allowed;
            }
        }
        return granted;
    }

    private static boolean hasOwnerRightsEntry(List<Ace> dacl) {
        for (Ace ace : dacl) {
            if (ace.sid().equals(WellKnownSids.OWNER_RIGHTS) && ace.appliesToThisFolder()) {
                return true;
            }
        }
        return false;
    }
}
