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

    /** In English. */
    public static List<String> describe(String folderPath, EffectiveAccess access, Function<String, String> nameOf,
                                        Function<String, List<Ace>> daclAt) {
        return describe(folderPath, access, nameOf, daclAt, ExplanationPhrases.ENGLISH);
    }

    /**
     * @param nameOf    a name for a SID (directory, well-known, or the SID itself)
     * @param daclAt    the DACL of another folder of the same snapshot by path, null when not scanned
     */
    public static List<String> describe(String folderPath, EffectiveAccess access, Function<String, String> nameOf,
                                        Function<String, List<Ace>> daclAt, ExplanationPhrases words) {
        String language = words.language();
        List<String> lines = new ArrayList<>();
        for (AccessPath path : access.paths()) {
            String line = words.via().formatted(Level.fromMask(path.mask()).description(language), via(path, nameOf, words)) + " ("
                    + words.allow().formatted(origin(folderPath, path, daclAt, words)) + ")";
            if (access.share() != null && (path.mask() & ~access.share().mask()) != 0) {
                line += words.limitedByShare().formatted(Level.fromMask(path.mask() & access.share().mask()).description(language));
            }
            lines.add(line);
        }
        for (AccessPath path : access.inert()) {
            lines.add(words.unmapped().formatted(via(path, nameOf, words), words.allow().formatted(origin(folderPath, path, daclAt, words)),
                    genericNames(path.mask())));
        }
        if (access.limitedByShare()) {
            List<String> granting = access.share().paths().stream()
                    .map(p -> words.via().formatted(Level.fromMask(p.mask()).description(language), via(p, nameOf, words))).toList();
            lines.add(words.shareAllows().formatted(Level.fromMask(access.share().mask()).description(language),
                    granting.isEmpty() ? words.shareNamesNobody() : ": " + String.join("; ", granting)));
        }
        return lines;
    }

    private static String via(AccessPath path, Function<String, String> nameOf, ExplanationPhrases words) {
        return path.chain().isEmpty() ? words.namedDirectly().formatted(nameOf.apply(path.aceSid()))
                : String.join(" → ", path.chain().stream().map(nameOf).toList());
    }

    private static String origin(String folderPath, AccessPath path, Function<String, List<Ace>> daclAt, ExplanationPhrases words) {
        if (!path.inherited()) {
            return words.explicit();
        }
        String from = inheritedFrom(folderPath, path.aceSid(), daclAt);
        return words.inheritedFrom().formatted(from == null ? words.aboveScanned() : from);
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
     * The nearest ancestor holding the inherited ACE explicitly, or null when it comes from above the scanned folder.
     * Paths use "/" (POSIX) or "\" (SMB, agent uploads).
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
        return null;
    }
}
