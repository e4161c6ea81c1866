package io.aclens.diff;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.aclens.access.Ace;
import io.aclens.access.AccessMask;
import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.AccessChanged;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.DirectoryChangeSetCompleted;
import io.aclens.contracts.DirectorySnapshotCommitted;
import io.aclens.contracts.EffectiveAccessChanged;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.contracts.SourceServer;
import io.aclens.auth.Roles;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderDelta;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.support.messaging.DeadLetters;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.TestTokens;
import io.aclens.testing.tracing.TestTraces;
import io.aclens.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SnapshotServiceStub.class)
class DiffPipelineTest {
    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private static final String BOB = "S-1-22-1-1001";
    private static final String SALES = "S-1-22-2-2001";
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forTestBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** The ACL hash stands for the DACL's content, as the snapshot service's does: equal DACLs, equal hashes. */
    private static FolderView folder(String path, Ace... dacl) {
        return new FolderView(path, 1, "S-1-22-1-0", "S-1-22-2-0", false, "h" + List.of(dacl).hashCode(), List.of(dacl), null, null);
    }

    private static SnapshotCommitted committed(String client, long snapshotId, Long previous) {
        return new SnapshotCommitted(SnapshotCommitted.eventIdFor(snapshotId), snapshotId, previous, "scan-" + snapshotId, client, "fs1",
                "/srv", 3, Instant.now(), Instant.now());
    }

    private static ChangeView[] changesOf(String client) {
        return given().get("/api/v1/clients/" + client + "/changes").then().statusCode(200).extract().as(ChangeView[].class);
    }

    @Test
    void deltaBecomesStoredAndPublishedChangesExactlyOnce() {
        String client = "acme-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        SnapshotServiceStub.PRINCIPALS.put(client, List.of(new Principal(BOB, "bob", "Bob Builder", PrincipalKind.USER),
                new Principal(SALES, "sales", null, PrincipalKind.GROUP)));
        SnapshotServiceStub.DELTAS.put(base + 1, new DeltaPage(List.of(
                new FolderDelta("/srv/Finance", folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY)),
                        folder("/srv/Finance", Ace.allow(SALES, AccessMask.READ), Ace.allow(BOB, AccessMask.MODIFY))),
                new FolderDelta("/srv/New", null, folder("/srv/New", Ace.allow(BOB, AccessMask.READ)))), null));

        kafka.send(Topics.SNAPSHOTS, committed(client, base, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/change-sets/" + base).statusCode() == 200);
        given().get("/api/v1/change-sets/" + base).then().body("baseline", equalTo(true)).body("changeCount", equalTo(0));

        kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/change-sets/" + (base + 1)).statusCode() == 200);
        String metrics = TestTokens.as(TestTokens.token(Roles.OPS)).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).as("the time from the scan's completion to its changes, per client and source")
                .containsPattern("aclens_freshness_seconds_count\\{[^}]*client=\"" + client + "\",source=\"fs1\",stage=\"diffed\"} 2.0");

        assertThat(changesOf(client)).extracting(ChangeView::path, ChangeView::kind, ChangeView::principalName, ChangeView::before, ChangeView::after)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/srv/Finance", ChangeKind.LOWERED, "sales", Level.MODIFY, Level.READ),
                        org.assertj.core.groups.Tuple.tuple("/srv/Finance", ChangeKind.GRANTED, "bob", Level.NONE, Level.MODIFY),
                        org.assertj.core.groups.Tuple.tuple("/srv/New", ChangeKind.FOLDER_ADDED, null, null, null));

        kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base)); // redelivery
        String setEventId = ChangeSetCompleted.eventIdFor(base + 1);
        List<ConsumerRecord<String, byte[]>> sets = kafka.readUntil(Topics.CHANGE_SETS, all -> all.stream()
                .filter(r -> setEventId.equals(EventCodec.header(r.headers(), EventCodec.HEADER_ID).orElse(""))).count() == 2, Duration.ofSeconds(30));
        assertThat(kafka.events(sets, ChangeSetCompleted.class)).filteredOn(e -> e.snapshotId() == base + 1)
                .allSatisfy(e -> assertThat(e.changeCount()).isEqualTo(3));
        assertThat(changesOf(client)).as("a redelivered snapshot adds no changes").hasSize(3);

        List<ConsumerRecord<String, byte[]>> published = kafka.readUntil(Topics.ACCESS_CHANGES,
                all -> kafka.events(all, AccessChanged.class).stream().filter(e -> e.clientId().equals(client)).count() >= 6, Duration.ofSeconds(30));
        List<AccessChanged> events = kafka.events(published, AccessChanged.class).stream().filter(e -> e.clientId().equals(client)).toList();
        assertThat(events.stream().map(AccessChanged::eventId).distinct()).as("republished with the same ids").hasSize(3);
        assertThat(events).allSatisfy(e -> assertThat(e.partitionKey()).isEqualTo(client));
    }

    @jakarta.inject.Inject
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    @Test
    void theChangesOfASnapshotContinueItsTrace() {
        String client = "traced-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        SnapshotServiceStub.PRINCIPALS.put(client, List.of(new Principal(BOB, "bob", "Bob Builder", PrincipalKind.USER)));
        SnapshotServiceStub.DELTAS.put(base, new DeltaPage(List.of(
                new FolderDelta("/srv/New", null, folder("/srv/New", Ace.allow(BOB, AccessMask.READ)))), null));
        TestTraces.Caller commit = TestTraces.Caller.sampled();

        kafka.send(Topics.SNAPSHOTS, committed(client, base, null), commit);

        String setEventId = ChangeSetCompleted.eventIdFor(base);
        ConsumerRecord<String, byte[]> set = kafka.readUntil(Topics.CHANGE_SETS, all -> all.stream()
                        .anyMatch(r -> setEventId.equals(EventCodec.header(r.headers(), EventCodec.HEADER_ID).orElse(""))), Duration.ofSeconds(30))
                .stream().filter(r -> setEventId.equals(EventCodec.header(r.headers(), EventCodec.HEADER_ID).orElse(""))).findFirst().orElseThrow();
        assertThat(TestTraces.traceIdOf(set)).as("the change set carries the trace of the commit").contains(commit.traceId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestTraces.spansOf(spans, commit.traceId()))
                .as("the diff is a span of that trace, child of the commit's")
                .anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("diff snapshot");
                    assertThat(span.getParentSpanId()).isEqualTo(commit.spanId());
                    assertThat(span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("messaging.destination.name")))
                            .isEqualTo(Topics.SNAPSHOTS);
                }));
    }

    private static DirectoryEntry person(String sid, String login, boolean enabled, String... groups) {
        return new DirectoryEntry(sid, PrincipalKind.USER, login, null, "Full " + login, null, null, null, enabled, null, null, null,
                List.of(groups));
    }

    private static EffectiveChangeView[] effectiveChangesOf(String client) {
        return given().get("/api/v1/clients/" + client + "/effective-changes").then().statusCode(200).extract().as(EffectiveChangeView[].class);
    }

    @Test
    void anAclEditIsAlsoAnEffectiveChangeForEachPersonItTouches() {
        String client = "edit-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        SnapshotServiceStub.DIRECTORY.put(client, List.of(person(BOB, "bob", true, SALES), person("S-1-22-1-1002", "eve", true),
                DirectoryEntry.group(SALES, "sales", "posix", List.of())));
        SnapshotServiceStub.DELTAS.put(base + 1, new DeltaPage(List.of(new FolderDelta("/srv/Finance",
                folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY)), folder("/srv/Finance", Ace.allow(SALES, AccessMask.READ)))), null));

        kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/change-sets/" + (base + 1)).statusCode() == 200);

        assertThat(effectiveChangesOf(client)).extracting(EffectiveChangeView::login, EffectiveChangeView::path, EffectiveChangeView::kind,
                        EffectiveChangeView::after, EffectiveChangeView::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "/srv/Finance", ChangeKind.LOWERED, Level.READ, ChangeCause.ACL_EDIT));
    }

    @Test
    void aMembershipChangeAloneProducesEffectiveChangesWithTheirCause() {
        String client = "members-" + UUID.randomUUID();
        long directoryBase = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        long snapshotId = directoryBase + 7;
        String finance = "S-1-22-2-3001";
        SnapshotServiceStub.SNAPSHOTS.put(client, List.of(new SnapshotView(snapshotId, client, "fs1", "scan", "/srv", null, 2, 0,
                Instant.now(), Instant.now())));
        SnapshotServiceStub.FOLDERS.put(snapshotId, new FolderPage(List.of(folder("/srv/Finance", Ace.allow(finance, AccessMask.MODIFY)),
                folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ_AND_EXECUTE))), null));
        DirectoryEntry financeGroup = DirectoryEntry.group(finance, "finance", "posix", List.of());
        DirectoryEntry salesGroup = DirectoryEntry.group(SALES, "sales", "posix", List.of());
        SnapshotServiceStub.DIRECTORY_SNAPSHOTS.put(directoryBase, List.of(person(BOB, "bob", true, SALES),
                person("S-1-22-1-1002", "eve", true, finance), financeGroup, salesGroup));
        SnapshotServiceStub.DIRECTORY_SNAPSHOTS.put(directoryBase + 1, List.of(person(BOB, "bob", true, finance),
                person("S-1-22-1-1002", "eve", false, finance), financeGroup, salesGroup));

        kafka.send(Topics.SNAPSHOTS, new DirectorySnapshotCommitted(DirectorySnapshotCommitted.eventIdFor(directoryBase + 1), directoryBase + 1,
                directoryBase, "sync-2", client, "local:corp", 4, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/directory-change-sets/" + (directoryBase + 1)).statusCode() == 200);

        assertThat(effectiveChangesOf(client)).extracting(EffectiveChangeView::login, EffectiveChangeView::path, EffectiveChangeView::kind,
                        EffectiveChangeView::cause, EffectiveChangeView::detail)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("bob", "/srv/Finance", ChangeKind.GRANTED, ChangeCause.MEMBERSHIP, "joined finance; left sales"),
                        org.assertj.core.groups.Tuple.tuple("bob", "/srv/Sales", ChangeKind.REVOKED, ChangeCause.MEMBERSHIP, "joined finance; left sales"),
                        org.assertj.core.groups.Tuple.tuple("eve", "/srv/Finance", ChangeKind.REVOKED, ChangeCause.ACCOUNT, "account disabled"));
        List<ConsumerRecord<String, byte[]>> published = kafka.readUntil(Topics.ACCESS_CHANGES, all -> kafka.events(all, EffectiveAccessChanged.class)
                .stream().filter(e -> e.clientId().equals(client)).count() >= 3, Duration.ofSeconds(30));
        assertThat(kafka.events(published, EffectiveAccessChanged.class)).filteredOn(e -> e.clientId().equals(client))
                .allSatisfy(e -> assertThat(e.trigger()).isEqualTo("directory-snapshot-" + (directoryBase + 1)));
        List<ConsumerRecord<String, byte[]>> sets = kafka.readUntil(Topics.CHANGE_SETS, all -> kafka.events(all, DirectoryChangeSetCompleted.class)
                .stream().anyMatch(e -> e.clientId().equals(client) && e.directorySnapshotId() == directoryBase + 1), Duration.ofSeconds(30));
        assertThat(kafka.events(sets, DirectoryChangeSetCompleted.class)).as("after its changes, so the report service can alert on them")
                .filteredOn(e -> e.directorySnapshotId() == directoryBase + 1)
                .allSatisfy(e -> assertThat(e.changeCount()).isEqualTo(3));
    }

    @Test
    void directoryChangesReadASnapshotsFoldersOnceAndANewSnapshotFromItsDelta() {
        String client = "held-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        String finance = "S-1-22-2-3001";
        DirectoryEntry financeGroup = DirectoryEntry.group(finance, "finance", "posix", List.of());
        DirectoryEntry salesGroup = DirectoryEntry.group(SALES, "sales", "posix", List.of());
        List<DirectoryEntry> inSales = List.of(person(BOB, "bob", true, SALES), financeGroup, salesGroup);
        List<DirectoryEntry> inFinance = List.of(person(BOB, "bob", true, finance), financeGroup, salesGroup);
        SnapshotServiceStub.DIRECTORY.put(client, inSales);
        SnapshotServiceStub.PRINCIPALS.put(client, List.of(new Principal(BOB, "bob", "Bob Builder", PrincipalKind.USER)));
        SnapshotView first = new SnapshotView(base, client, "fs1", "scan", "/srv", null, 2, 0, Instant.now(), Instant.now());
        SnapshotServiceStub.SNAPSHOTS.put(client, List.of(first));
        SnapshotServiceStub.FOLDERS.put(base, new FolderPage(List.of(folder("/srv/Finance", Ace.allow(finance, AccessMask.MODIFY)),
                folder("/srv/Sales", Ace.allow(SALES, AccessMask.READ_AND_EXECUTE))), null));
        for (int d = 0; d < 4; d++) {
            SnapshotServiceStub.DIRECTORY_SNAPSHOTS.put(base + 100 + d, d % 2 == 0 ? inSales : inFinance);
        }

        directoryChange(client, base + 101);
        directoryChange(client, base + 102);
        assertThat(readModelLoads(client)).as("the snapshot's folders were read once for both directory changes").isEqualTo(1);

        // a scan adds /srv/Payroll: the new snapshot's folders are its predecessor's and the delta, never read whole
        SnapshotServiceStub.DELTAS.put(base + 1, new DeltaPage(List.of(
                new FolderDelta("/srv/Payroll", null, folder("/srv/Payroll", Ace.allow(finance, AccessMask.MODIFY)))), null));
        SnapshotServiceStub.SNAPSHOTS.put(client, List.of(new SnapshotView(base + 1, client, "fs1", "scan", "/srv", base, 3, 0, Instant.now(),
                Instant.now()), first));
        kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/change-sets/" + (base + 1)).statusCode() == 200);

        directoryChange(client, base + 103);
        assertThat(effectiveChangesOf(client)).filteredOn(c -> c.trigger().equals("directory-snapshot-" + (base + 103)))
                .extracting(EffectiveChangeView::path, EffectiveChangeView::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/srv/Finance", ChangeKind.GRANTED),
                        org.assertj.core.groups.Tuple.tuple("/srv/Payroll", ChangeKind.GRANTED),
                        org.assertj.core.groups.Tuple.tuple("/srv/Sales", ChangeKind.REVOKED));
        assertThat(readModelLoads(client)).isEqualTo(1);
    }

    private void directoryChange(String client, long directorySnapshotId) {
        kafka.send(Topics.SNAPSHOTS, new DirectorySnapshotCommitted(DirectorySnapshotCommitted.eventIdFor(directorySnapshotId), directorySnapshotId,
                directorySnapshotId - 1, "sync-" + directorySnapshotId, client, "local:corp", 3, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/directory-change-sets/" + directorySnapshotId).statusCode() == 200);
    }

    private double readModelLoads(String client) {
        var counter = registry.find("aclens_read_model_loads_total").tag("client", client).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anEditOfTheSharesOwnPermissionsIsAChangeAndReachesEveryFolderBehindIt() {
        String client = "share-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        SnapshotServiceStub.DIRECTORY.put(client, List.of(person(BOB, "bob", true, SALES), DirectoryEntry.group(SALES, "sales", "posix", List.of())));
        SnapshotServiceStub.SNAPSHOTS.put(client, List.of(
                snapshotBehindShare(client, base + 1, base, "D:(A;;0x1200a9;;;WD)"), snapshotBehindShare(client, base, null, "D:(A;;FA;;;WD)")));
        SnapshotServiceStub.DELTAS.put(base + 1, new DeltaPage(List.of(), null)); // no folder's ACL changed
        SnapshotServiceStub.FOLDERS.put(base + 1, new FolderPage(List.of(folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY))), null));

        kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/change-sets/" + (base + 1)).statusCode() == 200);

        assertThat(changesOf(client)).extracting(ChangeView::path, ChangeView::kind, ChangeView::principalName, ChangeView::after, ChangeView::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("\\\\fs1\\data (share permissions)", ChangeKind.LOWERED, "Everyone",
                        Level.READ_EXECUTE, ChangeCause.SHARE_PERMISSIONS));
        assertThat(effectiveChangesOf(client)).extracting(EffectiveChangeView::login, EffectiveChangeView::path, EffectiveChangeView::before,
                        EffectiveChangeView::after, EffectiveChangeView::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "/srv/Finance", Level.MODIFY, Level.READ_EXECUTE,
                        ChangeCause.SHARE_PERMISSIONS));
    }

    @Test
    void aFolderWhosePathIsLongerThanAnIndexEntryHasItsChangesStoredOnce() {
        String client = "long-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        String deep = "/srv" + ("/" + "я".repeat(240)).repeat(13);
        SnapshotServiceStub.DIRECTORY.put(client, List.of(person(BOB, "bob", true, SALES), DirectoryEntry.group(SALES, "sales", "posix", List.of())));
        SnapshotServiceStub.DELTAS.put(base + 1, new DeltaPage(List.of(new FolderDelta(deep,
                folder(deep, Ace.allow(SALES, AccessMask.MODIFY)), folder(deep, Ace.allow(SALES, AccessMask.READ)))), null));

        kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base));
        kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base)); // redelivered: the natural keys hold without the path in an index
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/change-sets/" + (base + 1)).statusCode() == 200);

        assertThat(changesOf(client)).extracting(ChangeView::path, ChangeView::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(deep, ChangeKind.LOWERED));
        assertThat(effectiveChangesOf(client)).extracting(EffectiveChangeView::path, EffectiveChangeView::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(deep, Level.READ));
    }

    private static SnapshotView snapshotBehindShare(String client, long snapshotId, Long previous, String shareSddl) {
        return new SnapshotView(snapshotId, client, "fs1", "scan-" + snapshotId, "/srv", previous, 1, 0, Instant.now(), Instant.now(),
                new SourceServer("\\\\fs1\\data", shareSddl, "read over SRVSVC", null));
    }

    @Test
    void whileTheSnapshotServiceIsDownTheEventWaitsAndIsNeverDeadLettered() {
        String client = "outage-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        SnapshotServiceStub.DIRECTORY.put(client, List.of(person(BOB, "bob", true, SALES), DirectoryEntry.group(SALES, "sales", "posix", List.of())));
        SnapshotServiceStub.DELTAS.put(base + 1, new DeltaPage(List.of(new FolderDelta("/srv/Finance",
                folder("/srv/Finance", Ace.allow(SALES, AccessMask.MODIFY)), folder("/srv/Finance", Ace.allow(SALES, AccessMask.READ)))), null));
        long refusedBefore = SnapshotServiceStub.server.refusedRequests();
        SnapshotServiceStub.server.unavailable(true);
        try {
            kafka.send(Topics.SNAPSHOTS, committed(client, base + 1, base));
            // far more attempts than max-attempts (2): a transient failure is retried until it passes
            await().atMost(Duration.ofSeconds(30)).until(() -> SnapshotServiceStub.server.refusedRequests() >= refusedBefore + 8);
            given().get("/api/v1/change-sets/" + (base + 1)).then().statusCode(404);
        } finally {
            SnapshotServiceStub.server.unavailable(false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/change-sets/" + (base + 1)).statusCode() == 200);
        assertThat(changesOf(client)).hasSize(1);

        // a poison event after it on the same partition: had the waiting event been dead-lettered, it would come first
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventCodec.HEADER_TYPE, "io.aclens.snapshot.committed.v1".getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.SNAPSHOTS, client, headers, "{\"snapshotId\":\"marker\"}".getBytes(StandardCharsets.UTF_8));
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.SNAPSHOTS),
                all -> all.stream().anyMatch(r -> client.equals(r.key())), Duration.ofSeconds(30));
        assertThat(dead.stream().filter(r -> client.equals(r.key())).map(r -> new String(r.value(), StandardCharsets.UTF_8)))
                .as("only the poison marker was dead-lettered").containsExactly("{\"snapshotId\":\"marker\"}");
    }

    @Test
    void poisonSnapshotEventsAreDeadLetteredWithTheReason() {
        String key = "poison-" + UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventCodec.HEADER_TYPE, "io.aclens.snapshot.committed.v1".getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.SNAPSHOTS, key, headers, "{\"snapshotId\":\"not a number\"}".getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.SNAPSHOTS),
                all -> all.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(EventCodec.header(record.headers(), DeadLetters.REASON).orElseThrow()).contains("body does not fit");
        assertThat(Arrays.asList(changesOf("any"))).isEmpty();
    }

    @Test
    void restErrorsAreProblemDetails() {
        given().get("/api/v1/change-sets/424242424242").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/clients/x/changes?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
