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
 * denied; inherit-only ACEs do not apply; generic rights are mapped. The owner is implicitly granted
 * READ_CONTROL and WRITE_DAC unless the DACL has an OWNER RIGHTS entry, which then defines the owner's
 * rights. CREATOR OWNER / CREATOR GROUP entries are templates for children: no token holds those SIDs.
 */
public final class NtAccessCheck {
    private static final int OWNER_IMPLICIT = AccessMask.READ_CONTROL | AccessMask.WRITE_DAC;

    private NtAccessCheck() {
    }

    /** @param dacl the folder's DACL; {@code null} for a NULL DACL, which grants everyone everything */
    public static EffectiveAccess evaluate(String ownerSid, List<Ace> dacl, AccessToken token) {
        List<AccessPath> paths = new ArrayList<>();
        int granted = grantedMask(ownerSid, dacl, token, paths);
        return granted == 0 ? EffectiveAccess.NONE : new EffectiveAccess(granted, Level.fromMask(granted), List.copyOf(paths));
    }

    /** Only the level, without the access paths: what the matrix needs for millions of cells. */
    public static Level level(String ownerSid, List<Ace> dacl, AccessToken token) {
        return Level.fromMask(grantedMask(ownerSid, dacl, token, null));
    }

    private static int grantedMask(String ownerSid, List<Ace> dacl, AccessToken token, List<AccessPath> paths) {
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
            int mask = AccessMask.mapGenericRights(ace.mask()) & ~AccessMask.SYNCHRONIZE;
            if (ace.type() == AceType.DENY) {
                denied |= mask & ~granted;
            } else {
                // Every ACE that grants something undenied is a path, even when an earlier one granted it too.
                int allowed = mask & ~denied;
                if (allowed != 0 && paths != null) {
                    paths.add(new AccessPath(ace.sid(), token.chainTo(ace.sid()), allowed, ace.inherited()));
                }
                granted |= mask & ~denied;
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
