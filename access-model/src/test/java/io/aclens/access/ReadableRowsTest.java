package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableRowsTest {
    private static MatrixFolder folder(String path, int depth) {
        return new MatrixFolder(path, depth, List.of(), false, null);
    }

    private final List<MatrixFolder> tree = List.of(folder("/s", 0), folder("/s/A", 1), folder("/s/A/x", 2), folder("/s/A/y", 2),
            folder("/s/B", 1), folder("/s/B/z", 2));
    /** The access each row gives: B differs from the root, y from A, z equals B. */
    private final List<String> access = List.of("r", "r", "r", "w", "w", "w");

    @Test
    void aFolderIsListedWhenItIsARootOrItsAccessDiffersFromItsParents() {
        assertThat(ReadableRows.select(tree, (a, b) -> access.get(a).equals(access.get(b)), ReadableRows.ANY_DEPTH)).containsExactly(0, 3, 4);
    }

    @Test
    void aDepthLimitLeavesDeeperFoldersOutAndComparesWithTheRealParentNotTheLastListedOne() {
        assertThat(ReadableRows.select(tree, (a, b) -> access.get(a).equals(access.get(b)), 1)).containsExactly(0, 4);
        assertThat(ReadableRows.select(tree, (a, b) -> false, ReadableRows.ANY_DEPTH)).hasSize(tree.size());
    }
}
