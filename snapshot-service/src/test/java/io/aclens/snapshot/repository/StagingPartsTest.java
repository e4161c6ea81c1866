package io.aclens.snapshot.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.snapshot.service.StagedFolder;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StagingPartsTest {
    private static StagedFolder folder(String path) {
        return new StagedFolder(path, 1, "S-1-22-1-0", "S-1-22-2-0", false, "acl", null, null, "state", null);
    }

    private static List<StagedFolder> folders(int count) {
        return IntStream.range(0, count).mapToObj(i -> folder("/srv/folder-" + i)).toList();
    }

    @Test
    void aSmallBatchIsOneStatement() {
        List<StagedFolder> batch = folders(3_999);
        assertThat(StagingRepository.partsOf(batch)).containsExactly(batch);
    }

    @Test
    void aLargeBatchIsSplitWithEveryFolderInExactlyOnePartAndEachPathAlwaysInTheSamePart() {
        List<StagedFolder> batch = folders(10_000);
        List<List<StagedFolder>> parts = StagingRepository.partsOf(batch);
        assertThat(parts).hasSize(StagingRepository.PARALLEL_STATEMENTS).allSatisfy(part -> assertThat(part).hasSizeGreaterThan(4_000));
        assertThat(parts.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(batch);

        List<StagedFolder> redelivered = new java.util.ArrayList<>(batch);
        java.util.Collections.reverse(redelivered);
        List<List<StagedFolder>> again = StagingRepository.partsOf(redelivered);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(again.get(i)).as("a path in the same part whatever the batch's order: two parts never wait on one key")
                    .containsExactlyInAnyOrderElementsOf(parts.get(i));
        }
    }
}
