package io.aclens.access.findings;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.AceType;
import io.aclens.access.WellKnownSids;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a folder's inherited entries are what its parent passes down. They stop matching when a folder is moved
 * (it keeps the old parent's inherited entries), when propagation failed half-way, or when a tool wrote "inherited"
 * entries of its own — each leaves access that the parent's permissions no longer explain.
 *
 * <p>Compared per principal and allow/deny on the rights that take effect on the folder itself (generic rights mapped,
 * inherit-only entries left out), so Windows' habit of splitting one inherited entry into an effective and an
 * inherit-only pair does not count as a difference.
 */
final class InheritanceCheck {
    private static final Set<String> CREATORS = Set.of(WellKnownSids.CREATOR_OWNER, WellKnownSids.CREATOR_GROUP);

    private InheritanceCheck() {
    }

    static boolean matchesParent(List<Ace> parent, List<Ace> child) {
        Map<Key, Integer> passedDown = new HashMap<>();
        Set<Integer> creatorMasks = new HashSet<>();
        for (Ace ace : parent) {
            if (!ace.flags().contains(AceFlag.CONTAINER_INHERIT)) {
                continue; // files only, or not inheritable: a subfolder gets no entry that applies to itself
            }
            int mask = AccessMask.mapGenericRights(ace.mask());
            if (CREATORS.contains(ace.sid())) {
                creatorMasks.add(mask); // becomes an entry for whoever created the subfolder, unknown here
            } else {
                passedDown.merge(new Key(ace.type(), ace.sid()), mask, (a, b) -> a | b);
            }
        }
        Map<Key, Integer> inherited = new HashMap<>();
        for (Ace ace : child) {
            if (ace.inherited() && ace.appliesToThisFolder()) {
                inherited.merge(new Key(ace.type(), ace.sid()), AccessMask.mapGenericRights(ace.mask()), (a, b) -> a | b);
            }
        }
        inherited.entrySet().removeIf(entry -> entry.getKey().type() == AceType.ALLOW && creatorMasks.contains(entry.getValue())
                && !entry.getValue().equals(passedDown.get(entry.getKey())));
        return inherited.equals(passedDown);
    }

    private record Key(AceType type, String sid) {
    }
}
