package io.aclens.access;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds a folder's row by its path without scanning every row: the row numbers sorted by path, searched by halving. An
 * int per folder instead of a hash map entry (a million-folder source costs 4 MB), and it compares as
 * {@link FolderPath#sameFolder} does: Windows paths without case, POSIX paths exactly.
 */
public final class FolderIndex {
    private static final Comparator<String> WINDOWS = String.CASE_INSENSITIVE_ORDER;
    private static final Comparator<String> POSIX = Comparator.naturalOrder();

    private final List<String> paths;
    private final int[] sorted;

    private FolderIndex(List<String> paths, int[] sorted) {
        this.paths = paths;
        this.sorted = sorted;
    }

    /** @param paths each row's folder path; the list is kept (not copied), so it must not change afterwards */
    public static FolderIndex of(List<String> paths) {
        int[] sorted = IntStream.range(0, paths.size()).boxed()
                .sorted((a, b) -> order(paths.get(a), paths.get(b)))
                .mapToInt(Integer::intValue).toArray();
        return new FolderIndex(paths, sorted);
    }

    /** The row of the folder, or -1 when no row has it. */
    public int rowOf(String path) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int compared = order(paths.get(sorted[middle]), path);
            if (compared < 0) {
                low = middle + 1;
            } else if (compared > 0) {
                high = middle - 1;
            } else {
                return sorted[middle];
            }
        }
        return -1;
    }

    /** Windows paths sort without case (so equal-but-for-case meet), before POSIX ones; a source holds one kind. */
    private static int order(String a, String b) {
        boolean windowsA = FolderPath.isWindows(a);
        boolean windowsB = FolderPath.isWindows(b);
        if (windowsA != windowsB) {
            return windowsA ? -1 : 1;
        }
        return (windowsA ? WINDOWS : POSIX).compare(a, b);
    }
}
