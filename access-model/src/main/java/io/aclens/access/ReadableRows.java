package io.aclens.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Which folders a readable matrix lists: a 200,000-folder share is read by people only where access changes, so a folder
 * is listed when it is a root or its access differs from its parent's, and not deeper than a depth limit. The folder
 * tree is known from the rows' order and depths (tree order, parents before children).
 */
public final class ReadableRows {
    /** No depth limit. */
    public static final int ANY_DEPTH = Integer.MAX_VALUE;

    private ReadableRows() {
    }

    /**
     * @param sameAccess whether row {@code a} gives everybody the same access as row {@code b} (its parent)
     * @return the indexes of the rows to list, in order
     */
    public static List<Integer> select(List<MatrixFolder> folders, BiPredicate<Integer, Integer> sameAccess, int maxDepth) {
        List<Integer> shown = new ArrayList<>();
        int[] parents = parentRows(folders);
        for (int i = 0; i < folders.size(); i++) {
            if (folders.get(i).depth() <= maxDepth && (parents[i] < 0 || !sameAccess.test(i, parents[i]))) {
                shown.add(i);
            }
        }
        return shown;
    }

    /** Each row's parent row (the last row one level up, rows being in tree order), -1 for a root. */
    public static int[] parentRows(List<MatrixFolder> folders) {
        int[] parents = new int[folders.size()];
        int[] lastAtDepth = new int[16];
        Arrays.fill(lastAtDepth, -1);
        for (int i = 0; i < folders.size(); i++) {
            int depth = folders.get(i).depth();
            if (depth >= lastAtDepth.length) {
                int old = lastAtDepth.length;
                lastAtDepth = Arrays.copyOf(lastAtDepth, Math.max(depth + 1, old * 2));
                Arrays.fill(lastAtDepth, old, lastAtDepth.length, -1);
            }
            parents[i] = depth == 0 ? -1 : lastAtDepth[depth - 1];
            lastAtDepth[depth] = i;
        }
        return parents;
    }

    /** Every row, for the full matrix. */
    public static List<Integer> all(int rows) {
        List<Integer> shown = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            shown.add(i);
        }
        return shown;
    }
}
