package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderIndexTest {
    @Test
    void findsEveryRowAndNothingElse() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            paths.add("/srv/d" + (i * 7919 % 2000) + (i % 3 == 0 ? "/x" : ""));
        }
        FolderIndex index = FolderIndex.of(paths);
        for (int row = 0; row < paths.size(); row++) {
            assertThat(index.rowOf(paths.get(row))).isEqualTo(row);
        }
        assertThat(index.rowOf("/srv/d1/y")).isEqualTo(-1);
        assertThat(index.rowOf("/SRV/d1")).as("POSIX paths compare exactly").isEqualTo(-1);
    }

    @Test
    void windowsPathsAreFoundWithoutCaseAsTheServerComparesThem() {
        FolderIndex index = FolderIndex.of(List.of("\\\\fs1\\share", "\\\\fs1\\share\\Finance", "\\\\fs1\\share\\Бухгалтерия", "D:\\Data"));
        assertThat(index.rowOf("\\\\FS1\\Share\\finance")).isEqualTo(1);
        assertThat(index.rowOf("\\\\fs1\\share\\бухгалтерия")).isEqualTo(2);
        assertThat(index.rowOf("d:\\data")).isEqualTo(3);
        assertThat(index.rowOf("\\\\fs1\\share\\HR")).isEqualTo(-1);
    }

    @Test
    void anEmptySourceFindsNothing() {
        assertThat(FolderIndex.of(List.of()).rowOf("/srv")).isEqualTo(-1);
    }
}
