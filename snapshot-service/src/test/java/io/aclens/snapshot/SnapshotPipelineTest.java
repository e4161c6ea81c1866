package io.aclens.snapshot;

import static io.aclens.testing.TestTokens.given;

import io.aclens.auth.Roles;
import io.aclens.testing.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.aclens.access.Ace;
import io.aclens.access.AccessMask;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScannedFolder;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderView;
import io.aclens.snapshot.service.StaleScanReaper;
import io.aclens.support.messaging.DeadLetters;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.tracing.TestTraces;
import io.aclens.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class SnapshotPipelineTest {
    private static final String BOB = "S-1-22-1-1001";
    private static final String SALES = "S-1-22-2-2001";
    private static KafkaTestClient kafka;

    @Inject
    StaleScanReaper reaper;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forTestBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static void publish(List<? extends ScanEvent> events) {
        events.forEach(e -> kafka.send(Topics.SCANS, e));
    }

    /** The scan's status, null while the service has not seen it start (a problem+json 404, whose "status" is a number). */
    private static String scanStatus(String scanId) {
        io.restassured.response.ExtractableResponse<?> scan = given().get("/api/v1/scans/" + scanId + "/snapshot").then().extract();
        return scan.statusCode() == 200 ? scan.path("status") : null;
    }

    private static long awaitSnapshot(String scanId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(scanStatus(scanId)));
        return given().get("/api/v1/scans/" + scanId + "/snapshot").then().extract().<Number>path("snapshotId").longValue();
    }

    @Test
    void completedScansBecomeSnapshotsWithHistoryAndDelta() {
        String client = "acme-" + UUID.randomUUID();
        ScanEvents first = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY)).folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ));
        publish(first.all());
        long snapshot1 = awaitSnapshot(first.scanId);

        ScanEvents second = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(SALES, AccessMask.READ)).folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ))
                .folder("/srv/New", Ace.allow(BOB, AccessMask.FULL_CONTROL));
        publish(second.all());
        long snapshot2 = awaitSnapshot(second.scanId);

        FolderPage now = given().get("/api/v1/snapshots/" + snapshot2 + "/folders?limit=2").then().statusCode(200).extract().as(FolderPage.class);
        assertThat(now.items()).extracting(f -> f.path()).containsExactly("/srv", "/srv/Finance");
        assertThat(now.items().get(1).dacl()).containsExactly(Ace.allow(SALES, AccessMask.READ));
        FolderPage rest = given().get("/api/v1/snapshots/" + snapshot2 + "/folders?limit=2&after=" + now.next()).then().extract().as(FolderPage.class);
        assertThat(rest.items()).extracting(f -> f.path()).containsExactly("/srv/New", "/srv/Sales");

        io.aclens.contracts.api.FolderRefPage refs = given().get("/api/v1/snapshots/" + snapshot2 + "/folder-refs?limit=3").then().statusCode(200)
                .extract().as(io.aclens.contracts.api.FolderRefPage.class);
        assertThat(refs.items()).extracting(io.aclens.contracts.api.FolderRef::path).containsExactly("/srv", "/srv/Finance", "/srv/New");
        assertThat(refs.items().get(1).aclHash()).as("the same folders, their DACLs by hash").isEqualTo(now.items().get(1).aclHash());
        assertThat(given().get("/api/v1/snapshots/" + snapshot2 + "/folder-refs?limit=3&after=" + refs.next()).then().extract()
                .as(io.aclens.contracts.api.FolderRefPage.class).items()).extracting(io.aclens.contracts.api.FolderRef::path).containsExactly("/srv/Sales");
        java.util.Map<String, List<Ace>> acls = given().get("/api/v1/snapshots/" + snapshot2 + "/acls").then().statusCode(200).extract()
                .as(new io.restassured.common.mapper.TypeRef<java.util.Map<String, List<Ace>>>() { });
        assertThat(acls).as("each DACL of the snapshot once, none of the first snapshot's it no longer has").hasSize(3)
                .containsEntry(now.items().get(1).aclHash(), List.of(Ace.allow(SALES, AccessMask.READ)))
                .doesNotContainValue(List.of(Ace.allow(SALES, AccessMask.MODIFY)));

        FolderPage past = given().get("/api/v1/snapshots/" + snapshot1 + "/folders").then().extract().as(FolderPage.class);
        assertThat(past.items()).as("state at the first snapshot is still there").hasSize(3);
        assertThat(past.items().get(1).dacl()).containsExactly(Ace.allow(SALES, AccessMask.MODIFY));

        DeltaPage delta = given().get("/api/v1/snapshots/" + snapshot2 + "/delta").then().statusCode(200).extract().as(DeltaPage.class);
        assertThat(delta.items()).extracting(d -> d.path()).containsExactly("/srv/Finance", "/srv/New");
        assertThat(delta.items().get(1).before()).isNull();

        given().get("/api/v1/clients/" + client + "/snapshots").then().statusCode(200).body("$", hasSize(2))
                .body("[0].previousSnapshotId", equalTo((int) snapshot1));
        given().get("/api/v1/clients/" + client + "/principals").then().body("[0].fullName", equalTo("Bob Builder"));

        List<ConsumerRecord<String, byte[]>> committed = kafka.readUntil(Topics.SNAPSHOTS,
                all -> kafka.events(all, SnapshotCommitted.class).stream().anyMatch(e -> e.snapshotId() == snapshot2), Duration.ofSeconds(20));
        SnapshotCommitted event = kafka.events(committed, SnapshotCommitted.class).stream().filter(e -> e.snapshotId() == snapshot2).findFirst().orElseThrow();
        assertThat(event.previousSnapshotId()).isEqualTo(snapshot1);
        assertThat(event.folderCount()).isEqualTo(4);
    }

    @jakarta.inject.Inject
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    @Test
    void theCommittedSnapshotContinuesTheTraceOfTheScan() {
        ScanEvents scan = new ScanEvents("traced-" + UUID.randomUUID(), "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        TestTraces.Caller collector = TestTraces.Caller.sampled();
        kafka.send(Topics.SCANS, scan.started(), collector);
        publish(scan.folderEvents());
        kafka.send(Topics.SCANS, scan.completed(1), collector);
        long snapshot = awaitSnapshot(scan.scanId);

        ConsumerRecord<String, byte[]> committed = kafka.readUntil(Topics.SNAPSHOTS,
                        all -> all.stream().anyMatch(r -> isSnapshot(r, snapshot)), Duration.ofSeconds(20))
                .stream().filter(r -> isSnapshot(r, snapshot)).findFirst().orElseThrow();
        assertThat(TestTraces.traceIdOf(committed)).as("SnapshotCommitted carries the scan's trace").contains(collector.traceId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestTraces.spansOf(spans, collector.traceId()))
                .as("the commit is a span of the scan's trace").anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("commit scan");
                    assertThat(span.getParentSpanId()).isEqualTo(collector.spanId());
                }));
    }

    private static boolean isSnapshot(ConsumerRecord<String, byte[]> record, long snapshotId) {
        return SnapshotCommitted.eventIdFor(snapshotId).equals(EventCodec.header(record.headers(), EventCodec.HEADER_ID).orElse(""));
    }

    @Test
    void principalsSentInChunksAheadOfTheCompletionAreKeptForTheClient() {
        String client = "chunks-" + UUID.randomUUID();
        ScanEvents scan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        List<ScanEvent> events = new java.util.ArrayList<>(scan.all());
        events.add(events.size() - 1, new io.aclens.contracts.ScanPrincipalsCollected(scan.scanId + ":principals-1", scan.scanId, client, "fs1", 1,
                List.of(new io.aclens.access.Principal("S-1-22-1-1002", "carol", "Carol Chunk", io.aclens.access.PrincipalKind.USER))));
        publish(events);
        awaitSnapshot(scan.scanId);
        given().get("/api/v1/clients/" + client + "/principals").then().statusCode(200)
                .body("fullName", org.hamcrest.Matchers.hasItems("Bob Builder", "Carol Chunk"));
    }

    @Test
    void aFolderWhosePathIsLongerThanAnIndexEntryIsKeptLikeAnyOther() {
        String client = "long-" + UUID.randomUUID();
        // 13 nested names of 240 Cyrillic letters: 6,253 bytes, legal on Linux and on Windows with long paths
        String deep = "/srv" + ("/" + "я".repeat(240)).repeat(13);
        ScanEvents first = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ)).folder(deep, Ace.allow(BOB, AccessMask.READ));
        publish(first.all());
        long snapshot1 = awaitSnapshot(first.scanId);
        ScanEvents second = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ)).folder(deep, Ace.allow(SALES, AccessMask.READ));
        publish(second.all());
        long snapshot2 = awaitSnapshot(second.scanId);

        assertThat(deep.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2704);
        FolderPage folders = given().get("/api/v1/snapshots/" + snapshot1 + "/folders").then().statusCode(200).extract().as(FolderPage.class);
        assertThat(folders.items()).extracting(f -> f.path()).containsExactly("/srv", deep);
        DeltaPage delta = given().get("/api/v1/snapshots/" + snapshot2 + "/delta").then().statusCode(200).extract().as(DeltaPage.class);
        assertThat(delta.items()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo(deep);
            assertThat(d.after().dacl()).containsExactly(Ace.allow(SALES, AccessMask.READ));
        });
    }

    @Test
    void aFolderThatCouldNotBeListedKeepsItsSubtreeInsteadOfLosingIt() {
        String client = "unlisted-" + UUID.randomUUID();
        ScanEvents full = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/a", Ace.allow(SALES, AccessMask.MODIFY)).folder("/srv/a/b", Ace.allow(SALES, AccessMask.MODIFY))
                .folder("/srv/a/b/c", Ace.allow(BOB, AccessMask.READ)).folder("/srv/ab", Ace.allow(BOB, AccessMask.READ));
        publish(full.all());
        awaitSnapshot(full.scanId);
        ScanEvents listingDenied = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .notListed("/srv/a", Ace.allow(SALES, AccessMask.MODIFY));
        publish(listingDenied.all());
        long partial = awaitSnapshot(listingDenied.scanId);

        assertThat(given().get("/api/v1/snapshots/" + partial + "/folders").then().extract().as(FolderPage.class).items())
                .as("the sub-folders of a folder that could not be listed keep their last known state; /srv/ab, listed, is gone")
                .extracting(f -> f.path()).containsExactly("/srv", "/srv/a", "/srv/a/b", "/srv/a/b/c");
        assertThat(given().get("/api/v1/snapshots/" + partial + "/delta").then().extract().as(DeltaPage.class).items())
                .extracting(d -> d.path()).containsExactly("/srv/ab");

        ScanEvents listedAgain = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/a", Ace.allow(SALES, AccessMask.MODIFY)).folder("/srv/a/b", Ace.allow(SALES, AccessMask.MODIFY));
        publish(listedAgain.all());
        long again = awaitSnapshot(listedAgain.scanId);
        assertThat(given().get("/api/v1/snapshots/" + again + "/delta").then().extract().as(DeltaPage.class).items())
                .as("listed again, a folder really gone is removed").extracting(d -> d.path()).containsExactly("/srv/a/b/c");
    }

    @Test
    void aRescanSendingOnlyWhatChangedCommitsWhatAWholeScanWouldAndOnlyOnTheSnapshotItComparedWith() {
        String client = "baseline-" + UUID.randomUUID();
        given().get("/api/v1/clients/" + client + "/sources/fs1/scan-baseline").then().statusCode(200)
                .body("snapshotId", org.hamcrest.Matchers.nullValue()).body("fingerprints", org.hamcrest.Matchers.emptyString());
        ScanEvents whole = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY)).folder("/srv/Old", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ)).folder("/srv/a", Ace.allow(SALES, AccessMask.MODIFY))
                .folder("/srv/a/b", Ace.allow(SALES, AccessMask.MODIFY));
        publish(whole.all());
        long first = awaitSnapshot(whole.scanId);

        io.aclens.contracts.api.ScanBaseline baseline = given().get("/api/v1/clients/" + client + "/sources/fs1/scan-baseline").then()
                .statusCode(200).extract().as(io.aclens.contracts.api.ScanBaseline.class);
        assertThat(baseline.snapshotId()).isEqualTo(first);
        assertThat(baseline.hexFingerprints()).hasSize(6).doesNotHaveDuplicates().as("computed in SQL as the collector computes it in Java")
                .contains(io.aclens.access.FolderStateHash.fingerprint("/srv", io.aclens.access.FolderStateHash.of(0, "S-1-22-1-0", "S-1-22-2-0",
                        false, io.aclens.access.AclHash.of(List.of(Ace.allow(BOB, AccessMask.READ))), null, null)));

        ScanEvents rescan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(SALES, AccessMask.READ)).folder("/srv/New", Ace.allow(BOB, AccessMask.FULL_CONTROL))
                .folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ)).notListed("/srv/a", Ace.allow(SALES, AccessMask.MODIFY));
        List<ScanEvent> events = rescan.againstBaseline(baseline);
        assertThat(events).filteredOn(FoldersScanned.class::isInstance).flatExtracting(e -> ((FoldersScanned) e).folders())
                .extracting(ScannedFolder::path).as("what changed, and the folder not listed").containsExactly("/srv/Finance", "/srv/New", "/srv/a");
        publish(events);
        long second = awaitSnapshot(rescan.scanId);

        List<FolderView> state = given().get("/api/v1/snapshots/" + second + "/folders").then().extract().as(FolderPage.class).items();
        assertThat(state).extracting(FolderView::path).as("unsent folders kept; /srv/Old gone; /srv/a/b, below a folder not listed, kept")
                .containsExactly("/srv", "/srv/Finance", "/srv/New", "/srv/Sales", "/srv/a", "/srv/a/b");
        assertThat(state.get(1).dacl()).containsExactly(Ace.allow(SALES, AccessMask.READ));
        assertThat(given().get("/api/v1/snapshots/" + second + "/delta").then().extract().as(DeltaPage.class).items())
                .extracting(d -> d.path()).containsExactly("/srv/Finance", "/srv/New", "/srv/Old");
        given().get("/api/v1/snapshots/" + second).then().body("folderCount", equalTo(5));
        given().get("/api/v1/scans/" + rescan.scanId + "/snapshot").then().body("baselineSnapshotId", equalTo((int) first))
                .body("unchangedFolders", equalTo(2)).body("expectedFolders", equalTo(5));

        ScanEvents late = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(SALES, AccessMask.READ));
        publish(late.againstBaseline(baseline));
        await().atMost(Duration.ofSeconds(30)).until(() -> "INCOMPLETE".equals(scanStatus(late.scanId)));
        assertThat(given().get("/api/v1/scans/" + late.scanId + "/snapshot").then().extract().<String>path("reason"))
                .as("what it left unsent is no longer the source's state").contains("snapshot " + first, "snapshot " + second);
        assertThat(given().get("/api/v1/clients/" + client + "/snapshots?sourceId=fs1").then().extract().<List<?>>path("$")).hasSize(2);
    }

    @Inject
    Pool database;

    private long staged(String scanId) {
        return database.preparedQuery("select count(*) from snapshot.staged_folder where scan_id = $1")
                .execute(Tuple.of(scanId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void stagingLostWithTheDatabasesCrashEndsThatScanIncompleteNeverHalfCommitted() {
        assertThat(database.query("""
                        select relname from pg_class where relnamespace = 'snapshot'::regnamespace and relkind = 'r' and relpersistence = 'u'
                        order by relname""").execute().await().atMost(Duration.ofSeconds(10)))
                .extracting(row -> row.getString(0)).as("staging writes no WAL; committed state is logged")
                .containsExactly("staged_folder", "staged_removal");

        String client = "crash-" + UUID.randomUUID();
        ScanEvents first = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        publish(first.all());
        awaitSnapshot(first.scanId); // a source's first scan writes in place; the next ones stage
        ScanEvents scan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY)).folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ));
        publish(List.of(scan.started()));
        publish(scan.folderEvents());
        await().atMost(Duration.ofSeconds(30)).until(() -> staged(scan.scanId) == 3);
        // what crash recovery does to an unlogged table: it starts empty
        database.preparedQuery("delete from snapshot.staged_folder where scan_id = $1").execute(Tuple.of(scan.scanId))
                .await().atMost(Duration.ofSeconds(10));
        publish(List.of(scan.completed(3)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "INCOMPLETE".equals(scanStatus(scan.scanId)));
        given().get("/api/v1/scans/" + scan.scanId + "/snapshot").then().body("reason", equalTo("expected 3 folders, received 0"));
        given().get("/api/v1/clients/" + scan.clientId + "/snapshots").then().body("$", hasSize(1));

        ScanEvents next = new ScanEvents(scan.clientId, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        publish(next.all());
        awaitSnapshot(next.scanId);
    }

    private Long inPlaceSnapshotId(String scanId) {
        return database.preparedQuery("select in_place_snapshot_id from snapshot.scan where scan_id = $1")
                .execute(Tuple.of(scanId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long folderRows(String clientId) {
        return database.preparedQuery("select count(*) from snapshot.folder_state where client_id = $1")
                .execute(Tuple.of(clientId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** A client's first scan of three folders, started and its folders written in place, not yet completed. */
    private ScanEvents firstScanWrittenInPlace(String clientId) {
        ScanEvents scan = new ScanEvents(clientId, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY)).folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ));
        publish(List.of(scan.started()));
        publish(scan.folderEvents());
        await().atMost(Duration.ofSeconds(30)).until(() -> folderRows(clientId) == 3);
        return scan;
    }

    @Test
    void aSourcesFirstScanWritesItsFoldersInPlaceUnseenUntilItsSnapshotCommits() {
        ScanEvents scan = firstScanWrittenInPlace("in-place-" + UUID.randomUUID());
        assertThat(staged(scan.scanId)).as("written in place, not staged").isZero();
        given().get("/api/v1/clients/" + scan.clientId + "/snapshots").then().body("$", hasSize(0));
        given().get("/api/v1/clients/" + scan.clientId + "/sources/fs1/scan-baseline").then().statusCode(200)
                .body("snapshotId", org.hamcrest.Matchers.nullValue());
        Long reserved = inPlaceSnapshotId(scan.scanId);
        assertThat(reserved).isNotNull();

        publish(List.of(scan.completed(3)));
        assertThat(awaitSnapshot(scan.scanId)).as("the snapshot id the scan reserved when it started").isEqualTo(reserved);
        assertThat(given().get("/api/v1/snapshots/" + reserved + "/folders").then().extract().as(FolderPage.class).items())
                .extracting(FolderView::path).containsExactly("/srv", "/srv/Finance", "/srv/Sales");
        assertThat(given().get("/api/v1/snapshots/" + reserved + "/delta").then().extract().as(DeltaPage.class).items())
                .extracting(d -> d.path()).containsExactly("/srv", "/srv/Finance", "/srv/Sales");

        ScanEvents rescan = new ScanEvents(scan.clientId, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ));
        publish(List.of(rescan.started()));
        publish(rescan.folderEvents());
        await().atMost(Duration.ofSeconds(30)).until(() -> staged(rescan.scanId) == 2);
        publish(List.of(rescan.completed(2)));
        long second = awaitSnapshot(rescan.scanId);
        assertThat(given().get("/api/v1/snapshots/" + second + "/delta").then().extract().as(DeltaPage.class).items())
                .as("a rescan stages and is compared with the state the first scan wrote in place").extracting(d -> d.path())
                .containsExactly("/srv/Finance");
    }

    @Test
    void foldersRedeliveredWhileTheirScanIsStagingAreKeptOnceAndTheBatchesTheyCameWithApplied() {
        ScanEvents first = firstScanWrittenInPlace("again-" + UUID.randomUUID());
        publish(first.folder("/srv/Extra", Ace.allow(BOB, AccessMask.READ)).folderEvents()); // the batches again, one more folder
        publish(List.of(first.completed(4)));
        long snapshot = awaitSnapshot(first.scanId);
        assertThat(given().get("/api/v1/snapshots/" + snapshot + "/folders").then().extract().as(FolderPage.class).items())
                .as("written in place").extracting(FolderView::path).containsExactly("/srv", "/srv/Extra", "/srv/Finance", "/srv/Sales");

        ScanEvents rescan = new ScanEvents(first.clientId, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(BOB, AccessMask.MODIFY)).folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ));
        publish(List.of(rescan.started()));
        publish(rescan.folderEvents());
        await().atMost(Duration.ofSeconds(30)).until(() -> staged(rescan.scanId) == 3);
        publish(rescan.folder("/srv/Later", Ace.allow(BOB, AccessMask.READ)).folderEvents());
        publish(List.of(rescan.completed(4)));
        long second = awaitSnapshot(rescan.scanId);
        assertThat(given().get("/api/v1/snapshots/" + second + "/delta").then().extract().as(DeltaPage.class).items())
                .as("staged").extracting(d -> d.path()).containsExactly("/srv/Extra", "/srv/Finance", "/srv/Later");
        assertThat(folderRows(first.clientId)).isEqualTo(4 + 2);
    }

    @Test
    void aLaterScanCommittingBeforeTheFirstScanInPlaceEndsItAndDropsItsFolders() {
        String client = "superseded-" + UUID.randomUUID();
        ScanEvents first = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Old", Ace.allow(BOB, AccessMask.READ));
        publish(List.of(first.started()));
        publish(first.folderEvents());
        await().atMost(Duration.ofSeconds(30)).until(() -> folderRows(client) == 2);

        ScanEvents later = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(SALES, AccessMask.READ))
                .folder("/srv/New", Ace.allow(SALES, AccessMask.READ));
        publish(later.all());
        long snapshot = awaitSnapshot(later.scanId);
        assertThat(inPlaceSnapshotId(later.scanId)).as("started while the first scan was staging: it stages").isNull();

        assertThat(scanStatus(first.scanId)).isEqualTo("INCOMPLETE");
        given().get("/api/v1/scans/" + first.scanId + "/snapshot").then()
                .body("reason", equalTo("scan " + later.scanId + " of the source committed before this first scan did"));
        assertThat(folderRows(client)).as("only the committed scan's folders remain").isEqualTo(2);
        List<FolderView> state = given().get("/api/v1/snapshots/" + snapshot + "/folders").then().extract().as(FolderPage.class).items();
        assertThat(state).extracting(FolderView::path).containsExactly("/srv", "/srv/New");
        assertThat(state.get(0).dacl()).containsExactly(Ace.allow(SALES, AccessMask.READ));

        publish(List.of(first.completed(2)));
        ScanEvents marker = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(SALES, AccessMask.READ))
                .folder("/srv/New", Ace.allow(SALES, AccessMask.READ));
        publish(marker.all());
        awaitSnapshot(marker.scanId);
        assertThat(scanStatus(first.scanId)).as("its late completion changes nothing").isEqualTo("INCOMPLETE");
        given().get("/api/v1/clients/" + client + "/snapshots").then().body("$", hasSize(2));
    }

    @Test
    void aLargeBatchStagedAsStatementsRunAtOnceKeepsEveryFolderInPlaceAndStaged() {
        String client = "large-" + UUID.randomUUID();
        ScanEvents first = new ScanEvents(client, "fs1");
        ScanEvents second = new ScanEvents(client, "fs1");
        for (int i = 0; i < 4_500; i++) {
            first.folder("/srv/folder-" + i, Ace.allow(BOB, AccessMask.READ));
            second.folder("/srv/folder-" + i, Ace.allow(i == 4_321 ? SALES : BOB, AccessMask.READ));
        }
        publish(first.inTwoBatches());
        long snapshot1 = awaitSnapshot(first.scanId);
        given().get("/api/v1/snapshots/" + snapshot1).then().body("folderCount", equalTo(4_500));
        assertThat(folderRows(client)).isEqualTo(4_500);

        publish(second.inTwoBatches());
        long snapshot2 = awaitSnapshot(second.scanId);
        assertThat(given().get("/api/v1/snapshots/" + snapshot2 + "/delta").then().extract().as(DeltaPage.class).items())
                .extracting(d -> d.path()).containsExactly("/srv/folder-4321");
        assertThat(folderRows(client)).isEqualTo(4_501);
    }

    @Test
    void dataTheDatabaseRefusesFailsThatScanAloneAndOtherClientsKeepFlowing() {
        ScanEvents bad = new ScanEvents("bad-" + UUID.randomUUID(), "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/nul\u0000name", Ace.allow(BOB, AccessMask.READ));
        ScanEvents good = new ScanEvents("good-" + UUID.randomUUID(), "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        publish(bad.all());
        publish(good.all());

        awaitSnapshot(good.scanId);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(scanStatus(bad.scanId)));
        given().get("/api/v1/scans/" + bad.scanId + "/snapshot").then().body("reason", org.hamcrest.Matchers.containsString("the database refused a folder"));
        given().get("/api/v1/clients/" + bad.clientId + "/snapshots").then().body("$", hasSize(0));
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.SCANS),
                all -> all.stream().anyMatch(r -> bad.scanId.equals(r.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> refused = dead.stream().filter(r -> bad.scanId.equals(r.key())).findFirst().orElseThrow();
        assertThat(EventCodec.header(refused.headers(), DeadLetters.REASON).orElseThrow()).contains("the database refused a folder");

        ScanEvents again = new ScanEvents(bad.clientId, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        publish(again.all());
        awaitSnapshot(again.scanId); // the channel never stopped
    }

    @Test
    void twoClientsThatNameASourceAlikeKeepSeparateHistories() {
        String acme = "acme-" + UUID.randomUUID();
        String globex = "globex-" + UUID.randomUUID();
        ScanEvents acmeScan = new ScanEvents(acme, "fs1:data").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Acme Payroll", Ace.allow(BOB, AccessMask.READ));
        publish(acmeScan.all());
        long acmeSnapshot = awaitSnapshot(acmeScan.scanId);
        ScanEvents globexScan = new ScanEvents(globex, "fs1:data").folder("/srv", Ace.allow(SALES, AccessMask.READ))
                .folder("/srv/Globex Legal", Ace.allow(SALES, AccessMask.READ));
        publish(globexScan.all());
        long globexSnapshot = awaitSnapshot(globexScan.scanId);

        given().get("/api/v1/clients/" + globex + "/snapshots").then().body("$", hasSize(1))
                .body("[0].previousSnapshotId", org.hamcrest.Matchers.nullValue());
        assertThat(given().get("/api/v1/snapshots/" + globexSnapshot + "/folders").then().extract().as(FolderPage.class).items())
                .extracting(f -> f.path()).containsExactly("/srv", "/srv/Globex Legal");
        assertThat(given().get("/api/v1/snapshots/" + acmeSnapshot + "/folders").then().extract().as(FolderPage.class).items())
                .extracting(f -> f.path()).containsExactly("/srv", "/srv/Acme Payroll");
        assertThat(given().get("/api/v1/snapshots/" + globexSnapshot + "/delta").then().extract().as(DeltaPage.class).items())
                .as("a client's first snapshot of a source is its baseline, whatever another client's source of that name holds")
                .extracting(d -> d.path()).containsExactly("/srv", "/srv/Globex Legal");
        String globexViewer = TestTokens.token(Roles.CLIENT_VIEWER, globex);
        TestTokens.as(globexViewer).get("/api/v1/snapshots/" + globexSnapshot + "/folders").then().statusCode(200);
        TestTokens.as(globexViewer).get("/api/v1/snapshots/" + acmeSnapshot + "/folders").then().statusCode(404)
                .contentType("application/problem+json");
        TestTokens.as(globexViewer).get("/api/v1/clients/" + acme + "/snapshots").then().statusCode(404);
    }

    @Test
    void redeliveredScanChangesNothingAndRepublishesTheSameEvent() {
        String client = "redeliver-" + UUID.randomUUID();
        ScanEvents scan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ)).folder("/srv/a", Ace.allow(BOB, AccessMask.READ));
        publish(scan.all());
        long snapshotId = awaitSnapshot(scan.scanId);

        publish(scan.all());
        String eventId = SnapshotCommitted.eventIdFor(snapshotId);
        kafka.readUntil(Topics.SNAPSHOTS, all -> all.stream().filter(r -> EventCodec.header(r.headers(), EventCodec.HEADER_ID)
                .orElse("").equals(eventId)).count() == 2, Duration.ofSeconds(20));

        given().get("/api/v1/clients/" + client + "/snapshots").then().body("$", hasSize(1));
        given().get("/api/v1/snapshots/" + snapshotId + "/folders").then().body("items", hasSize(2));
    }

    @Test
    void foldersSentOneByOneAsBeforeBatchesAreStagedAlike() {
        ScanEvents scan = new ScanEvents("legacy-" + UUID.randomUUID(), "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ))
                .folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY));
        publish(List.of(scan.started()));
        publish(scan.singleFolderEvents());
        publish(List.of(scan.completed(2)));
        long snapshot = awaitSnapshot(scan.scanId);
        FolderPage folders = given().get("/api/v1/snapshots/" + snapshot + "/folders").then().statusCode(200).extract().as(FolderPage.class);
        assertThat(folders.items()).extracting(f -> f.dacl()).containsExactly(List.of(Ace.allow(BOB, AccessMask.READ)),
                List.of(Ace.allow(SALES, AccessMask.MODIFY)));
    }

    @Test
    void aBatchDefiningADaclUnderAnotherHashIsDeadLetteredAndItsScanNeverCommits() {
        String client = "forged-" + UUID.randomUUID();
        ScanEvents scan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        String readHash = io.aclens.access.AclHash.of(List.of(Ace.allow(BOB, AccessMask.READ)));
        publish(List.of(scan.started(), scan.batch(1, List.of(new io.aclens.contracts.ScannedFolder(1, "/srv", 0, "S-1-22-1-0", "S-1-22-2-0",
                false, readHash, null, null, null)), java.util.Map.of(readHash, List.of(Ace.allow(BOB, AccessMask.FULL_CONTROL)))), scan.completed(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "INCOMPLETE".equals(scanStatus(scan.scanId)));
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.SCANS),
                all -> all.stream().anyMatch(r -> scan.scanId.equals(r.key())), Duration.ofSeconds(20));
        assertThat(dead.stream().filter(r -> scan.scanId.equals(r.key())).map(r -> EventCodec.header(r.headers(), DeadLetters.REASON).orElseThrow()))
                .singleElement().asString().contains("the DACL defined as " + readHash + " has the hash");
    }

    @Test
    void scanMissingFoldersNeverChangesState() {
        String client = "incomplete-" + UUID.randomUUID();
        ScanEvents scan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        publish(List.of(scan.started()));
        publish(scan.folderEvents());
        publish(List.of(scan.completed(5)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "INCOMPLETE".equals(scanStatus(scan.scanId)));
        given().get("/api/v1/scans/" + scan.scanId + "/snapshot").then().body("reason", equalTo("expected 5 folders, received 1"));
        given().get("/api/v1/clients/" + client + "/snapshots").then().body("$", hasSize(0));
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheRestFlows() {
        String client = "poison-" + UUID.randomUUID();
        ScanEvents scan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventCodec.HEADER_TYPE, "io.aclens.scan.folder.v1".getBytes(StandardCharsets.UTF_8));
        publish(List.of(scan.started()));
        kafka.send(Topics.SCANS, scan.scanId, headers, "{\"broken".getBytes(StandardCharsets.UTF_8));
        publish(scan.folderEvents());
        publish(List.of(scan.completed(1)));

        awaitSnapshot(scan.scanId);
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.SCANS),
                all -> all.stream().anyMatch(r -> scan.scanId.equals(r.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> scan.scanId.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{\"broken");
        assertThat(EventCodec.header(poison.headers(), DeadLetters.REASON).orElseThrow()).contains("body does not fit io.aclens.scan.folder.v1");
        assertThat(EventCodec.header(poison.headers(), DeadLetters.TOPIC)).contains(Topics.SCANS);
    }

    @Test
    void anNtFoldersSecurityDescriptorIsKeptAsReadAndAnAutoInheritFlagChangeIsAChange() {
        String client = "nt-" + UUID.randomUUID();
        String asRead = "O:BAG:S-1-5-21-1-2-3-513D:PAI(A;OICI;FA;;;BA)(D;OICI;WD;;;S-1-5-21-1-2-3-1105)(A;OICIIO;0x1301bf;;;S-1-5-21-1-2-3-2001)";
        ScanEvents first = new ScanEvents(client, "smb").ntFolder("/srv", asRead);
        publish(first.all());
        long snapshot1 = awaitSnapshot(first.scanId);

        FolderPage page = given().get("/api/v1/snapshots/" + snapshot1 + "/folders").then().statusCode(200).extract().as(FolderPage.class);
        assertThat(page.items().get(0).sddl()).isEqualTo(asRead);

        ScanEvents second = new ScanEvents(client, "smb").ntFolder("/srv", asRead.replace("D:PAI", "D:P"));
        publish(second.all());
        long snapshot2 = awaitSnapshot(second.scanId);
        DeltaPage delta = given().get("/api/v1/snapshots/" + snapshot2 + "/delta").then().statusCode(200).extract().as(DeltaPage.class);
        assertThat(delta.items()).singleElement().satisfies(d -> {
            assertThat(d.before().sddl()).isEqualTo(asRead);
            assertThat(d.after().sddl()).startsWith("O:BAG:S-1-5-21-1-2-3-513D:P(");
        });
    }

    @Test
    void quietScansAreAbandonedAndTheirLateCompletionIsIgnored() {
        String client = "stale-" + UUID.randomUUID();
        ScanEvents scan = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        publish(List.of(scan.started()));
        publish(scan.folderEvents());
        await().atMost(Duration.ofSeconds(20)).until(() -> folderRows(client) == 1);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            reaper.abandon().await().atMost(Duration.ofSeconds(5));
            return "ABANDONED".equals(scanStatus(scan.scanId));
        });
        assertThat(folderRows(client)).as("the folders it wrote in place went with it").isZero();

        publish(List.of(scan.completed(1)));
        ScanEvents marker = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        publish(marker.all());
        awaitSnapshot(marker.scanId);
        assertThat(scanStatus(scan.scanId)).isEqualTo("ABANDONED");
        given().get("/api/v1/clients/" + client + "/snapshots").then().body("$", hasSize(1));
    }

    @Test
    void silenceIsJudgedOnTheCollectorsClockAndAHeartbeatKeepsALongScanAlive() {
        String client = "clock-" + UUID.randomUUID();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        ScanEvents silent = new ScanEvents(client, "fs1").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        ScanEvents beating = new ScanEvents(client, "fs2").folder("/srv", Ace.allow(BOB, AccessMask.READ));
        kafka.send(Topics.SCANS, silent.started(), anHourAgo);
        kafka.send(Topics.SCANS, beating.started(), anHourAgo);
        kafka.send(Topics.SCANS, new io.aclens.contracts.ScanHeartbeat(beating.scanId + ":heartbeat-1", beating.scanId, client, "fs2", 1000,
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "STAGING".equals(scanStatus(silent.scanId)) && "STAGING".equals(scanStatus(beating.scanId)));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            reaper.abandon().await().atMost(Duration.ofSeconds(5));
            return "ABANDONED".equals(scanStatus(silent.scanId));
        });
        assertThat(scanStatus(beating.scanId)).as("its collector said it goes on").isEqualTo("STAGING");
        given().get("/api/v1/scans/" + silent.scanId + "/snapshot").then().body("reason", org.hamcrest.Matchers.containsString("no event, no heartbeat"));
    }

    @Test
    void restErrorsAreProblemDetails() {
        given().get("/api/v1/snapshots/987654321/folders").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/snapshots/1/folders?limit=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/clients/x/snapshots?at=yesterday&sourceId=s").then().statusCode(400).contentType("application/problem+json");
    }
}
