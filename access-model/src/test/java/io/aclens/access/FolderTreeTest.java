package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FolderTreeTest {
    private static MatrixFolder folder(String path, int depth) {
        return new MatrixFolder(path, depth, List.of(), false, null);
    }

    private final List<MatrixFolder> tree = List.of(folder("/s", 0), folder("/s/A", 1), folder("/s/A/x", 2), folder("/s/A/y", 2),
            folder("/s/B", 1), folder("/s/B/z", 2), folder("/s/C", 1));
    /** The access each row gives: A equals the root, y and B differ, z equals B, C equals the root. */
    private final List<String> access = List.of("r", "r", "r", "w", "w", "w", "r");

    @Test
    void everyFolderOpensIntoItsDirectChildrenInTreeOrder() {
        FolderTree all = FolderTree.all(tree);

        assertThat(all.children(-1, 0, 10)).containsExactly(0);
        assertThat(all.children(0, 0, 10)).containsExactly(1, 4, 6);
        assertThat(all.children(1, 0, 10)).containsExactly(2, 3);
        assertThat(all.children(2)).isZero();
        assertThat(all.children(0, 1, 1)).as("a page of the children").containsExactly(4);
        assertThat(all.children(0, 5, 10)).isEmpty();
    }

    @Test
    void withOnlyDifferingFoldersADifferingGrandchildHangsUnderItsNearestListedAncestor() {
        FolderTree differing = FolderTree.differing(tree, (a, b) -> access.get(a).equals(access.get(b)));

        assertThat(differing.children(0, 0, 10)).as("y differs from A, which does not differ from the root").containsExactly(3, 4);
        assertThat(differing.children(4)).as("z is like B").isZero();
        assertThat(differing.listed(1)).isFalse();
        assertThat(differing.listed(3)).isTrue();
        assertThat(differing.children(-1)).isEqualTo(1);
    }
}
