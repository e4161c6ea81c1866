package io.aclens.access.effective;

import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Says in words why a user holds a cell's level, one line per access path:
 * "Modify via Accounting → Finance-All (allow, inherited from \\fs1\share\Finance)".
 */
public final class AccessExplanation {
    private AccessExplanation() {
    }

    /**
     * @param nameOf    a name for a SID (directory, well-known, or the SID itself)
     * @param daclAt    the DACL of another folder of the same snapshot by path, null when not scanned
     */
    public static List<String> describe(String folderPath, EffectiveAccess access, Function<String, String> nameOf,
                                        Function<String, List<Ace>> daclAt) {
        List<String> lines = new ArrayList<>();
        for (AccessPath path : access.paths()) {
            List<String> names = path.chain().isEmpty() ? List.of(nameOf.apply(path.aceSid()) + " (named directly)")
                    : path.chain().stream().map(nameOf).toList();
            String origin = path.inherited() ? "inherited from " + inheritedFrom(folderPath, path.aceSid(), daclAt) : "explicit";
            lines.add(Level.fromMask(path.mask()).description() + " via " + String.join(" → ", names) + " (allow, " + origin + ")");
        }
        return lines;
    }

    /**
     * The nearest ancestor holding the inherited ACE explicitly, or a note that it comes from above the scanned
     * folder. Paths use "/" (POSIX) or "\" (SMB, agent uploads).
     */
    public static String inheritedFrom(String folderPath, String aceSid, Function<String, List<Ace>> daclAt) {
        for (String at = parent(folderPath); at != null; at = parent(at)) {
            List<Ace> dacl = daclAt.apply(at);
            if (dacl == null) {
                break;
            }
            for (Ace ace : dacl) {
                if (ace.sid().equals(aceSid) && !ace.inherited() && ace.flags().contains(AceFlag.CONTAINER_INHERIT)) {
                    return at;
                }
            }
        }
        return "above the scanned folder";
    }

    /** The folder above, or null at a filesystem root or a share root (\\\\server\\share). */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        boolean shareRoot = path.startsWith("\\\\") && path.indexOf('\\', path.indexOf('\\', 2) + 1) < 0;
        return cut <= 0 || shareRoot ? null : path.substring(0, cut);
    }
}
