package io.aclens.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The level each principal named in a DACL holds on the folder itself, evaluating that principal's own
 * ACEs in DACL order: deny bits block bits not yet granted, allow bits add, inherit-only ACEs are skipped.
 * Group membership is not expanded here (that is the effective-access engine's job).
 */
public final class PrincipalLevels {
    private PrincipalLevels() {
    }

    public static Map<String, Level> of(List<Ace> dacl) {
        Map<String, int[]> grantedAndDenied = new LinkedHashMap<>();
        Map<String, Boolean> onlyFoldersInherit = new LinkedHashMap<>();
        for (Ace ace : dacl) {
            if (!ace.appliesToThisFolder()) {
                continue;
            }
            int mask = AccessMask.mapGenericRights(ace.mask());
            int[] state = grantedAndDenied.computeIfAbsent(ace.sid(), sid -> new int[2]);
            if (ace.type() == AceType.DENY) {
                state[1] |= mask & ~state[0];
            } else {
                int added = mask & ~state[1];
                if (added != 0) {
                    onlyFoldersInherit.merge(ace.sid(), ace.foldersOnly(), Boolean::logicalAnd);
                }
                state[0] |= added;
            }
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        grantedAndDenied.forEach((sid, state) -> {
            Level level = Level.fromMask(state[0]);
            if (level == Level.READ_EXECUTE && onlyFoldersInherit.getOrDefault(sid, false)) {
                level = Level.LIST_FOLDER;
            }
            levels.put(sid, level);
        });
        return levels;
    }
}
