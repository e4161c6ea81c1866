package io.aclens.access;

import java.util.Comparator;

/**
 * Folder paths as sources write them: POSIX ({@code /srv/share/Finance}), UNC ({@code \\fs1\share\Finance}) and
 * local Windows paths ({@code D:\Data\Finance}, as the agent uploads them). Windows paths use backslashes and
 * compare without regard to case, as the server does; a UNC path's root is its share, never above it.
 */
public final class FolderPath {
    /** Parents before children, siblings by name (case-insensitively on Windows, then exactly, so the order is total). */
    public static final Comparator<String> TREE_ORDER = FolderPath::compareTreeOrder;

    private FolderPath() {
    }

    /** Whether the path is a Windows path (UNC or drive letter): backslashes, names without case. */
    public static boolean isWindows(String path) {
        return path.startsWith("\\\\") || (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0)))
                || (path.indexOf('\\') >= 0 && path.indexOf('/') < 0);
    }

    public static char separator(String path) {
        return isWindows(path) ? '\\' : '/';
    }

    /** The folder's own name: the last segment, or the whole path for a root ({@code \\fs1\share}, {@code /}). */
    public static String name(String path) {
        String trimmed = trimTrailingSeparator(path);
        String parent = parent(trimmed);
        return parent == null ? trimmed : trimmed.substring(trimmed.lastIndexOf(separator(trimmed)) + 1);
    }

    /** The folder above, or null at a filesystem root, a drive root or a share root ({@code \\server\share}). */
    public static String parent(String path) {
        char separator = separator(path);
        String trimmed = trimTrailingSeparator(path);
        int cut = trimmed.lastIndexOf(separator);
        if (trimmed.startsWith("\\\\")) {
            int shareStart = trimmed.indexOf('\\', 2);
            return shareStart < 0 || cut <= shareStart ? null : trimmed.substring(0, cut);
        }
        if (cut < 0 || (cut == 0 && trimmed.length() == 1)) {
            return null;
        }
        if (cut == 0) {
            return trimmed.substring(0, 1); // "/srv" is under "/"
        }
        if (cut == 2 && trimmed.charAt(1) == ':') {
            return trimmed.length() == 3 ? null : trimmed.substring(0, 3); // "D:\Data" is under "D:\"
        }
        return trimmed.substring(0, cut);
    }

    private static String trimTrailingSeparator(String path) {
        char separator = separator(path);
        boolean root = path.length() == 1 || (path.length() == 3 && path.charAt(1) == ':');
        return !root && path.length() > 1 && path.charAt(path.length() - 1) == separator ? path.substring(0, path.length() - 1) : path;
    }

    static int compareTreeOrder(String a, String b) {
        boolean ignoreCase = isWindows(a) && isWindows(b);
        int order = compareSegments(a, b, ignoreCase);
        return order != 0 || !ignoreCase ? order : compareSegments(a, b, false);
    }

    /** Segment by segment: a separator sorts before any character, so a parent comes right before its children. */
    private static int compareSegments(String a, String b, boolean ignoreCase) {
        char sa = separator(a);
        char sb = separator(b);
        int i = 0;
        for (; i < a.length() && i < b.length(); i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            boolean endA = ca == sa;
            boolean endB = cb == sb;
            if (endA || endB) {
                if (endA != endB) {
                    return endA ? -1 : 1;
                }
                continue;
            }
            if (ignoreCase) {
                ca = Character.toLowerCase(Character.toUpperCase(ca));
                cb = Character.toLowerCase(Character.toUpperCase(cb));
            }
            if (ca != cb) {
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length() - i, b.length() - i);
    }

    /**
     * Whether {@code path} is {@code folder} or below it, compared as the server compares names (without case on Windows);
     * a trailing separator on {@code folder} does not matter.
     */
    public static boolean isWithin(String path, String folder) {
        String top = trimTrailingSeparator(folder);
        if (sameFolder(path, top)) {
            return true;
        }
        String prefix = top + separator(top);
        return path.length() > prefix.length() && (isWindows(path) && isWindows(top)
                ? path.regionMatches(true, 0, prefix, 0, prefix.length()) : path.startsWith(prefix));
    }

    /** Whether two paths name the same folder: exactly on POSIX, without case on Windows (as the server compares them). */
    public static boolean sameFolder(String a, String b) {
        return isWindows(a) && isWindows(b) ? a.equalsIgnoreCase(b) : a.equals(b);
    }
}
