package io.aclens.access;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A matrix's folders as a tree to open one level at a time, as a console shows a million folders: each listed folder's
 * children are the listed folders whose nearest listed ancestor it is. With "only folders that differ from their parent"
 * a folder whose access equals its parent's is not listed, and its differing descendants hang under the nearest listed
 * ancestor instead, so nothing that differs is hidden behind a folder that does not. Rows are in tree order (parents
 * before children); built in one pass, then each opening reads only the opened folder's subtree.
 */
public final class FolderTree {
    private final List<MatrixFolder> folders;
    private final boolean[] listed;
    /** Each listed row's nearest listed ancestor, -1 for a top row; -2 for a row not listed. */
    private final int[] listedParent;
    private final int[] childCount;
    private final int topCount;

    private FolderTree(List<MatrixFolder> folders, boolean[] listed) {
        this.folders = folders;
        this.listed = listed;
        this.listedParent = new int[folders.size()];
        this.childCount = new int[folders.size()];
        int[] parents = ReadableRows.parentRows(folders);
        int tops = 0;
        for (int row = 0; row < folders.size(); row++) {
            if (!listed[row]) {
                listedParent[row] = -2;
                continue;
            }
            int ancestor = parents[row];
            while (ancestor >= 0 && !listed[ancestor]) {
                ancestor = parents[ancestor];
            }
            listedParent[row] = ancestor;
            if (ancestor < 0) {
                tops++;
            } else {
                childCount[ancestor]++;
            }
        }
        this.topCount = tops;
    }

    /** Every folder listed. */
    public static FolderTree all(List<MatrixFolder> folders) {
        boolean[] listed = new boolean[folders.size()];
        Arrays.fill(listed, true);
        return new FolderTree(folders, listed);
    }

    /**
     * Only the folders whose access differs from their parent's, and the roots.
     *
     * @param sameAccess whether row {@code a} gives everybody the same access as row {@code b} (its parent)
     */
    public static FolderTree differing(List<MatrixFolder> folders, BiPredicate<Integer, Integer> sameAccess) {
        boolean[] listed = new boolean[folders.size()];
        for (int row : ReadableRows.select(folders, sameAccess, ReadableRows.ANY_DEPTH)) {
            listed[row] = true;
        }
        return new FolderTree(folders, listed);
    }

    /** The rows under {@code row} one level down in this tree ({@code -1}: the top rows), in tree order, from the {@code offset}-th, at most {@code limit}. */
    public int[] children(int row, int offset, int limit) {
        int from = row < 0 ? 0 : row + 1;
        int depth = row < 0 ? -1 : folders.get(row).depth();
        int[] found = new int[Math.max(0, Math.min(limit, children(row) - offset))];
        int seen = 0;
        int count = 0;
        for (int i = from; i < folders.size() && count < found.length && folders.get(i).depth() > depth; i++) {
            if (listedParent[i] == row && seen++ >= offset) {
                found[count++] = i;
            }
        }
        return found;
    }

    /** How many rows hang under {@code row} one level down ({@code -1}: how many top rows). */
    public int children(int row) {
        return row < 0 ? topCount : childCount[row];
    }

    public boolean listed(int row) {
        return listed[row];
    }
}
