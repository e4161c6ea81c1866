package io.aclens.collector.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AclHash;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScannedFolder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderBatchesTest {
    private static final List<Ace> READ = List.of(Ace.allow("S-1-22-2-100", AccessMask.READ));
    private static final List<Ace> MODIFY = List.of(Ace.allow("S-1-22-2-100", AccessMask.MODIFY));

    private final List<FoldersScanned> sent = new ArrayList<>();

    private FolderBatches batches(int maxFolders) {
        return new FolderBatches("scan-1", "acme", "fs1", maxFolders, sent::add);
    }

    private static CollectedFolder folder(String path, List<Ace> dacl) {
        return new CollectedFolder(path, path.split("/").length - 2, "S-1-22-1-0", "S-1-22-2-0", false, new ArrayList<>(dacl), null);
    }

    @Test
    void eachDaclTravelsOnceAndBeforeTheFirstFolderThatNamesIt() {
        FolderBatches batches = batches(2);
        batches.add(folder("/srv", READ), null);
        batches.add(folder("/srv/a", READ), null);
        batches.add(folder("/srv/b", MODIFY), "cannot list contents: ACCESS_DENIED");
        batches.add(folder("/srv/c", READ), null);
        batches.add(folder("/srv/d", MODIFY), null);
        batches.close();

        assertThat(sent).extracting(FoldersScanned::batch).containsExactly(1L, 2L, 3L);
        assertThat(sent).extracting(FoldersScanned::eventId).containsExactly("scan-1:folders-1", "scan-1:folders-2", "scan-1:folders-3");
        assertThat(sent.get(0).acls()).containsOnlyKeys(AclHash.of(READ)).containsEntry(AclHash.of(READ), READ);
        assertThat(sent.get(1).acls()).as("READ was sent already; MODIFY is new here").containsOnlyKeys(AclHash.of(MODIFY));
        assertThat(sent.get(2).acls()).isEmpty();
        assertThat(sent.stream().flatMap(b -> b.folders().stream())).extracting(ScannedFolder::sequence, ScannedFolder::aclHash)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, AclHash.of(READ)), org.assertj.core.groups.Tuple.tuple(2L, AclHash.of(READ)),
                        org.assertj.core.groups.Tuple.tuple(3L, AclHash.of(MODIFY)), org.assertj.core.groups.Tuple.tuple(4L, AclHash.of(READ)),
                        org.assertj.core.groups.Tuple.tuple(5L, AclHash.of(MODIFY)));
        assertThat(sent.get(1).folders().get(0).listError()).isEqualTo("cannot list contents: ACCESS_DENIED");
    }

    @Test
    void aBatchStaysFarBelowKafkasMessageLimitWhateverItsPaths() {
        FolderBatches batches = batches(1000);
        String longName = "Очень длинное имя папки ".repeat(400); // ~10,000 characters, ~19 KB of UTF-8
        for (int i = 0; i < 200; i++) {
            batches.add(folder("/srv/" + i + longName, READ), null);
        }
        batches.close();

        assertThat(sent).hasSizeGreaterThan(1).allSatisfy(batch -> assertThat(EventCodec.encode(batch).length)
                .as("batch %d", batch.batch()).isLessThan(512 * 1024));
        assertThat(sent.stream().mapToInt(b -> b.folders().size()).sum()).isEqualTo(200);
    }

    @Test
    void aForgottenDaclIsSentAgainRatherThanNamedUndefined() {
        FolderBatches batches = batches(1);
        batches.add(folder("/srv", READ), null);
        for (int i = 0; i < FolderBatches.REMEMBERED_ACLS; i++) {
            batches.add(folder("/srv/" + i, List.of(Ace.allow("S-1-22-1-" + (10_000 + i), AccessMask.READ))), null);
        }
        batches.add(folder("/srv/again", READ), null);
        batches.close();

        assertThat(sent.get(sent.size() - 1).acls()).as("READ was the least recently used, and forgotten").containsOnlyKeys(AclHash.of(READ));
    }
}
