package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderPathTest {

    @Test
    void rule6UncPathsHaveTheShareAsRootAndTheirOwnNames() {
        assertThat(FolderPath.parent("\\\\fs1\\share")).isNull();
        assertThat(FolderPath.parent("\\\\fs1\\share\\Finance")).isEqualTo("\\\\fs1\\share");
        assertThat(FolderPath.parent("\\\\fs1\\share\\Finance\\")).isEqualTo("\\\\fs1\\share");
        assertThat(FolderPath.name("\\\\fs1\\share\\Finance\\Зарплата 2026")).isEqualTo("Зарплата 2026");
        assertThat(FolderPath.name("\\\\fs1\\share")).isEqualTo("\\\\fs1\\share");
        assertThat(FolderPath.sameFolder("\\\\FS1\\Share\\finance", "\\\\fs1\\share\\Finance")).as("Windows compares without case").isTrue();
        assertThat(FolderPath.sameFolder("/srv/finance", "/srv/Finance")).isFalse();
    }

    @Test
    void posixAndDrivePathsToo() {
        assertThat(FolderPath.parent("/srv")).isEqualTo("/");
        assertThat(FolderPath.parent("/")).isNull();
        assertThat(FolderPath.name("/srv/share/a b")).isEqualTo("a b");
        assertThat(FolderPath.parent("D:\\Data\\HR")).isEqualTo("D:\\Data");
        assertThat(FolderPath.parent("D:\\Data")).isEqualTo("D:\\");
        assertThat(FolderPath.parent("D:\\")).isNull();
        assertThat(FolderPath.name("D:\\Data\\HR")).isEqualTo("HR");
        assertThat(FolderPath.name("/srv/a\\b")).as("a backslash is a character of a POSIX name").isEqualTo("a\\b");
    }

    @Test
    void rule6TreeOrderBySegmentWithoutCaseOnWindows() {
        List<String> paths = new ArrayList<>(List.of("\\\\fs1\\share\\b", "\\\\fs1\\share\\A b", "\\\\fs1\\share\\a\\x",
                "\\\\fs1\\share", "\\\\fs1\\share\\a", "\\\\fs1\\share\\A-c"));
        paths.sort(FolderPath.TREE_ORDER);

        assertThat(paths).as("a folder right before its subtree; 'a' and 'A b' compared without case")
                .containsExactly("\\\\fs1\\share", "\\\\fs1\\share\\a", "\\\\fs1\\share\\a\\x", "\\\\fs1\\share\\A b",
                        "\\\\fs1\\share\\A-c", "\\\\fs1\\share\\b");
        List<String> posix = new ArrayList<>(List.of("/srv/b", "/srv/a b", "/srv/a/x", "/srv/a", "/srv/B"));
        posix.sort(FolderPath.TREE_ORDER);
        assertThat(posix).containsExactly("/srv/B", "/srv/a", "/srv/a/x", "/srv/a b", "/srv/b");
    }

    @Test
    void aFolderIsWithinItselfAndItsAncestorsComparedAsItsServerComparesNames() {
        assertThat(FolderPath.isWithin("\\\\fs1\\data\\Finance\\2026", "\\\\FS1\\Data\\finance\\")).isTrue();
        assertThat(FolderPath.isWithin("\\\\fs1\\data\\Finance", "\\\\fs1\\data\\Finance")).isTrue();
        assertThat(FolderPath.isWithin("\\\\fs1\\data\\Finance2", "\\\\fs1\\data\\Finance")).as("a sibling sharing a prefix").isFalse();
        assertThat(FolderPath.isWithin("/srv/Finance/2026", "/srv/Finance")).isTrue();
        assertThat(FolderPath.isWithin("/srv/finance/2026", "/srv/Finance")).as("POSIX names keep their case").isFalse();
    }
}
