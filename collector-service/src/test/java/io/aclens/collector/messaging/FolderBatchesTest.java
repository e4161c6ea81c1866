package io.aclens.collector.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AclHash;
import io.aclens.access.FolderStateHash;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScannedFolder;
import io.aclens.contracts.api.ScanBaseline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FolderBatchesTest {
    private static final List<Ace> READ = List.of(Ace.allow("S-1-22-2-100", AccessMask.READ));
    private static final List<Ace> MODIFY = List.of(Ace.allow("S-1-22-2-100", AccessMask.MODIFY));

    private final List<FoldersScanned> sent = new ArrayList<>();

    private FolderBatches batches(int maxFolders) {
        return new FolderBatches("scan-1", "acme", "fs1", maxFolders, null, this::sendToList);
    }

    private Runnable sendToList(FoldersScanned batch) {
        return () -> sent.add(batch);
    }

    /**
     * Adds {@code foldersEach} folders from each of {@code threads} threads at once; the messages of the failures that
     * ended a thread. A thread still running after a minute (waiting for a turn that never comes) fails the test.
     */
    private static List<String> walkInThreads(FolderBatches batches, int threads, int foldersEach, IntFunction<List<Ace>> daclOf)
            throws InterruptedException, TimeoutException {
        ExecutorService walk = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> walkers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int walker = thread;
                walkers.add(walk.submit(() -> {
                    for (int i = 0; i < foldersEach; i++) {
                        batches.add(folder("/srv/t" + walker + "/" + i, daclOf.apply(i)), null);
                    }
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<?> walker : walkers) {
                try {
                    walker.get(1, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            return failures;
        } finally {
            walk.shutdownNow();
        }
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
    void batchesReadiedInSeveralThreadsAtOnceAreSentInTheirOrderEachDaclBeforeItsFirstUse() throws Exception {
        List<String> readiedIn = Collections.synchronizedList(new ArrayList<>());
        FolderBatches batches = new FolderBatches("scan-1", "acme", "fs1", 7, null, batch -> {
            readiedIn.add(Thread.currentThread().getName());
            return () -> sent.add(batch);
        });
        assertThat(walkInThreads(batches, 4, 5000, i -> List.of(Ace.allow("S-1-22-1-" + (i % 50), AccessMask.READ)))).isEmpty();
        batches.close();

        assertThat(sent).extracting(FoldersScanned::batch).as("in the order they were numbered")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, sent.size()).boxed().toList());
        Set<String> defined = new HashSet<>();
        for (FoldersScanned batch : sent) {
            defined.addAll(batch.acls().keySet());
            assertThat(batch.folders()).allSatisfy(folder -> assertThat(defined).contains(folder.aclHash()));
        }
        assertThat(sent.stream().mapToLong(batch -> batch.folders().size()).sum()).isEqualTo(20_000);
        assertThat(defined).hasSize(50);
        assertThat(Set.copyOf(readiedIn)).as("readied by the threads that filled them").hasSizeGreaterThan(1);
    }

    @Test
    void aBatchThatCannotBeEncodedFailsItsThreadWhileTheOthersGoOn() throws Exception {
        FolderBatches batches = new FolderBatches("scan-1", "acme", "fs1", 1, null, batch -> {
            if (batch.batch() == 3) {
                throw new IllegalStateException("cannot encode batch 3");
            }
            return () -> sent.add(batch);
        });
        assertThat(walkInThreads(batches, 2, 200, i -> READ)).containsExactly("cannot encode batch 3");
        assertThat(sent).extracting(FoldersScanned::batch).doesNotContain(3L).contains(1L, 2L, 4L);
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

    @Test
    void againstABaselineOnlyWhatChangedIsSentThenWhatIsGoneAfterEveryFolder() {
        CollectedFolder unchanged = folder("/srv", READ);
        CollectedFolder notListed = folder("/srv/locked", READ);
        List<String> before = new ArrayList<>(List.of(fingerprint(unchanged), fingerprint(notListed), fingerprint(folder("/srv/a", READ)),
                fingerprint(folder("/srv/gone", MODIFY))));
        java.util.Collections.sort(before);
        Baseline baseline = Baseline.of(ScanBaseline.ofHex(41L, before));
        FolderBatches batches = new FolderBatches("scan-1", "acme", "fs1", 2, CompletableFuture.completedFuture(baseline), this::sendToList);

        batches.add(unchanged, null);
        batches.add(folder("/srv/a", MODIFY), null); // changed
        batches.add(notListed, "cannot list contents: ACCESS_DENIED");
        batches.add(folder("/srv/new", READ), null);
        batches.close();

        assertThat(sent.stream().flatMap(b -> b.folders().stream())).extracting(ScannedFolder::path, ScannedFolder::sequence)
                .as("the unchanged folder is not sent; one not listed is, unchanged or not; sequences stay the scan's")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/srv/a", 2L), org.assertj.core.groups.Tuple.tuple("/srv/locked", 3L),
                        org.assertj.core.groups.Tuple.tuple("/srv/new", 4L));
        assertThat(sent.get(0).acls()).as("a DACL is defined where it is first sent, not where it was first seen")
                .containsOnlyKeys(AclHash.of(MODIFY), AclHash.of(READ));
        FoldersScanned last = sent.get(sent.size() - 1);
        assertThat(last.folders()).isEmpty();
        assertThat(last.removed()).as("the folder not seen, and the state /srv/a had (its row is closed either way)")
                .containsExactlyInAnyOrder(fingerprint(folder("/srv/gone", MODIFY)), fingerprint(folder("/srv/a", READ)));
        assertThat(sent.subList(0, sent.size() - 1)).allSatisfy(batch -> assertThat(batch.removed()).isEmpty());
        assertThat(batches.unchanged()).isEqualTo(1);
        assertThat(batches.removed()).isEqualTo(2);
    }

    @Test
    void foldersReadBeforeTheBaselineArrivedAreComparedWithItOnceItHas() {
        CompletableFuture<Baseline> pending = new CompletableFuture<>();
        FolderBatches batches = new FolderBatches("scan-1", "acme", "fs1", 1, pending, this::sendToList);
        batches.add(folder("/srv", READ), null);
        batches.add(folder("/srv/a", MODIFY), null);
        assertThat(sent).as("nothing is sent before the baseline says what changed").isEmpty();

        pending.complete(Baseline.of(ScanBaseline.ofHex(9L, List.of(fingerprint(folder("/srv", READ)), fingerprint(folder("/srv/a", READ))))));
        batches.add(folder("/srv/b", READ), null);
        batches.close();

        assertThat(sent.stream().flatMap(b -> b.folders().stream())).extracting(ScannedFolder::path, ScannedFolder::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/srv/a", 2L), org.assertj.core.groups.Tuple.tuple("/srv/b", 3L));
        assertThat(sent.get(sent.size() - 1).removed()).containsExactly(fingerprint(folder("/srv/a", READ)));
        assertThat(batches.baseline().snapshotId()).isEqualTo(9L);
        assertThat(batches.unchanged()).isEqualTo(1);
    }

    @Test
    void pastTheLimitTheWalkWaitsForTheBaseline() {
        CompletableFuture<Baseline> pending = new CompletableFuture<>();
        FolderBatches batches = new FolderBatches("scan-1", "acme", "fs1", 1000, pending, this::sendToList);
        for (int i = 0; i < FolderBatches.MAX_AWAITING_BASELINE; i++) {
            batches.add(folder("/srv/" + i, READ), null);
        }
        ExecutorService walk = Executors.newSingleThreadExecutor();
        try {
            Future<?> oneMore = walk.submit(() -> batches.add(folder("/srv/one-more", READ), null));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !oneMore.isDone());

            pending.complete(null); // no snapshot yet: every folder goes
            await().atMost(Duration.ofSeconds(10)).until(oneMore::isDone);
        } finally {
            walk.shutdownNow();
        }
        batches.close();
        assertThat(sent.stream().mapToInt(b -> b.folders().size()).sum()).isEqualTo(FolderBatches.MAX_AWAITING_BASELINE + 1);
        assertThat(batches.baseline()).isNull();
    }

    @Test
    void aBaselineThatCannotBeHadMeansEveryFolderIsSent() {
        FolderBatches batches = new FolderBatches("scan-1", "acme", "fs1", 10, CompletableFuture.failedFuture(new IllegalStateException("down")),
                this::sendToList);
        batches.add(folder("/srv", READ), null);
        batches.close();

        assertThat(sent.stream().flatMap(b -> b.folders().stream())).extracting(ScannedFolder::path).containsExactly("/srv");
        assertThat(batches.baseline()).isNull();
    }

    @Test
    void manyGoneFoldersTravelInSeveralBatches() {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < FolderBatches.REMOVED_PER_BATCH * 2 + 1; i++) {
            before.add(fingerprint(folder("/srv/" + i, READ)));
        }
        java.util.Collections.sort(before);
        FolderBatches batches = new FolderBatches("scan-1", "acme", "fs1", 2,
                CompletableFuture.completedFuture(Baseline.of(ScanBaseline.ofHex(7L, before))), this::sendToList);
        batches.close();

        assertThat(sent).extracting(b -> b.removed().size()).containsExactly(FolderBatches.REMOVED_PER_BATCH, FolderBatches.REMOVED_PER_BATCH, 1);
        assertThat(sent).allSatisfy(batch -> assertThat(EventCodec.encode(batch).length).isLessThan(512 * 1024));
        assertThat(sent.stream().flatMap(b -> b.removed().stream())).containsExactlyElementsOf(before);
    }

    private static String fingerprint(CollectedFolder folder) {
        return FolderStateHash.fingerprint(folder.path(), FolderStateHash.of(folder.depth(), folder.ownerSid(), folder.groupSid(),
                folder.inheritanceProtected(), AclHash.of(folder.dacl()), folder.readError(), folder.sddl()));
    }
}
