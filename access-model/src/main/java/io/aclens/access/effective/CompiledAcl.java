package io.aclens.access.effective;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceType;
import io.aclens.access.WellKnownSids;
import java.util.List;

/**
 * One distinct ACL made ready for a matrix's millions of evaluations: the entries that apply to the folder itself, laid
 * out as arrays — SID, the rights the folder's check counts, deny or allow — so an evaluation walks arrays instead of
 * following each entry's objects through memory (loading a million-folder client spent most of its time there). It
 * grants what {@link AccessCheck#evaluate} grants for the same ACL and token, without the access paths, which only a
 * cell's reasons need. Property tests hold the two equal.
 */
final class CompiledAcl {
    private final boolean posix;
    private final boolean nullDacl;
    private final String ownerSid;
    private final boolean ownerRightsEntry;
    private final String[] sids;
    private final int[] rights;
    private final boolean[] deny;
    private final boolean[] unixGroup;
    private final boolean[] everyone;
    private final boolean[] ownerRights;

    private CompiledAcl(String ownerSid, List<Ace> dacl) {
        this.posix = AccessCheck.of(ownerSid, dacl) == AccessCheck.POSIX;
        this.nullDacl = dacl == null;
        this.ownerSid = ownerSid;
        List<Ace> applying = dacl == null ? List.of() : dacl.stream().filter(Ace::appliesToThisFolder).toList();
        int n = applying.size();
        sids = new String[n];
        rights = new int[n];
        deny = new boolean[n];
        unixGroup = new boolean[n];
        everyone = new boolean[n];
        ownerRights = new boolean[n];
        boolean anyOwnerRights = false;
        for (int i = 0; i < n; i++) {
            Ace ace = applying.get(i);
            sids[i] = ace.sid();
            rights[i] = posix ? AccessMask.mapGenericRights(ace.mask()) & ~AccessMask.SYNCHRONIZE
                    : ace.mask() & ~NtAccessCheck.GENERIC_BITS & ~AccessMask.SYNCHRONIZE;
            deny[i] = ace.type() == AceType.DENY;
            unixGroup[i] = ace.sid().startsWith(WellKnownSids.UNIX_GROUP_PREFIX);
            everyone[i] = ace.sid().equals(WellKnownSids.EVERYONE);
            ownerRights[i] = ace.sid().equals(WellKnownSids.OWNER_RIGHTS);
            anyOwnerRights |= ownerRights[i];
        }
        this.ownerRightsEntry = anyOwnerRights;
    }

    static CompiledAcl of(String ownerSid, List<Ace> dacl) {
        return new CompiledAcl(ownerSid, dacl);
    }

    /** The rights the token holds on the folder itself. */
    int mask(AccessToken token) {
        return posix ? posixMask(token) : windowsMask(token);
    }

    /** POSIX.1e over the mapped entries: the owner's entry, else the user's named entry, else the matching groups, else Everyone. */
    private int posixMask(AccessToken token) {
        String user = token.userSid();
        boolean owner = user.equals(ownerSid);
        boolean named = false;
        int namedMask = 0;
        boolean groupMatched = false;
        int groupMask = 0;
        int everyoneMask = 0;
        for (int i = 0; i < sids.length; i++) {
            String sid = sids[i];
            if (owner) {
                if (sid.equals(ownerSid)) {
                    return rights[i];
                }
            } else if (sid.equals(user)) {
                if (!named) {
                    named = true;
                    namedMask = rights[i];
                }
            } else if (unixGroup[i] && token.contains(sid)) {
                groupMatched = true;
                groupMask |= rights[i];
            } else if (everyone[i]) {
                everyoneMask |= rights[i];
            }
        }
        return owner ? 0 : named ? namedMask : groupMatched ? groupMask : everyoneMask;
    }

    /** {@link NtAccessCheck#mask}: the DACL in order, a deny blocking what is not yet granted; the owner's implicit rights. */
    private int windowsMask(AccessToken token) {
        if (nullDacl) {
            return AccessMask.FILE_ALL_ACCESS;
        }
        boolean owner = ownerSid != null && token.contains(ownerSid);
        int granted = owner && !ownerRightsEntry ? NtAccessCheck.OWNER_IMPLICIT : 0;
        int denied = 0;
        for (int i = 0; i < sids.length; i++) {
            if (!token.contains(sids[i]) && !(owner && ownerRights[i])) {
                continue;
            }
            if (deny[i]) {
                denied |= rights[i] & ~granted;
            } else {
                granted |= rights[i] & ~denied;
            }
        }
        return granted;
    }
}
