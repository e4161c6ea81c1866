package io.aclens.access.effective;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.FolderPath;
import io.aclens.access.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Says in words why a user holds a cell's level, one line per access path:
 * "Modify via Accounting → Finance-All (allow, inherited from \\fs1\share\Finance)", with what the share's
 * permissions leave of it, and the entries that apply but grant nothing (raw generic rights).
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
            String line = Level.fromMask(path.mask()).description() + " via " + via(path, nameOf) + " (allow, "
                    + origin(folderPath, path, daclAt) + ")";
            if (access.share() != null && (path.mask() & ~access.share().mask()) != 0) {
                line += ", limited to " + Level.fromMask(path.mask() & access.share().mask()).description() + " by the share's permissions";
            }
            lines.add(line);
        }
        for (AccessPath path : access.inert()) {
            lines.add("No access via " + via(path, nameOf) + " (allow, " + origin(folderPath, path, daclAt) + "): holds "
                    + genericNames(path.mask()) + " unmapped: grants nothing here");
        }
        if (access.limitedByShare()) {
            List<String> granting = access.share().paths().stream()
                    .map(p -> Level.fromMask(p.mask()).description() + " via " + via(p, nameOf)).toList();
            lines.add("The share's permissions allow " + Level.fromMask(access.share().mask()).description()
                    + (granting.isEmpty() ? " (no entry of the share names this person)" : ": " + String.join("; ", granting)));
        }
        return lines;
    }

    private static String via(AccessPath path, Function<String, String> nameOf) {
        return path.chain().isEmpty() ? nameOf.apply(path.aceSid()) + " (named directly)"
                : String.join(" → ", path.chain().stream().map(nameOf).toList());
    }

    private static String origin(String folderPath, AccessPath path, Function<String, List<Ace>> daclAt) {
        return path.inherited() ? "inherited from " + inheritedFrom(folderPath, path.aceSid(), daclAt) : "explicit";
    }

    /** "GENERIC_READ | GENERIC_EXECUTE" for the generic bits of a mask. */
    static String genericNames(int mask) {
        List<String> names = new ArrayList<>();
        if ((mask & AccessMask.GENERIC_ALL) != 0) {
            names.add("GENERIC_ALL");
        }
        if ((mask & AccessMask.GENERIC_READ) != 0) {
            names.add("GENERIC_READ");
        }
        if ((mask & AccessMask.GENERIC_WRITE) != 0) {
            names.add("GENERIC_WRITE");
        }
        if ((mask & AccessMask.GENERIC_EXECUTE) != 0) {
            names.add("GENERIC_EXECUTE");
        }
        return String.join(" | ", names);
    }

    /**
     * The nearest ancestor holding the inherited ACE explicitly, or a note that it comes from above the scanned
     * folder. Paths use "/" (POSIX) or "\" (SMB, agent uploads).
     */
    public static String inheritedFrom(String folderPath, String aceSid, Function<String, List<Ace>> daclAt) {
        for (String at = FolderPath.parent(folderPath); at != null; at = FolderPath.parent(at)) {
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
}
