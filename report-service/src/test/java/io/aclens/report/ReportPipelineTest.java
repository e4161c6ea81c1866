package io.aclens.report;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.aclens.access.Ace;
import io.aclens.access.AccessMask;
import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.FolderDelta;
import io.aclens.contracts.api.DirectorySnapshotView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.report.service.MonthlyReports;
import io.aclens.support.messaging.DeadLetters;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.tracing.TestTraces;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.SmtpServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(UpstreamServicesStub.class)
@WithTestResource(SmtpServerResource.class)
class ReportPipelineTest {
    private static KafkaTestClient kafka;

    @Inject
    MonthlyReports monthly;

    @Inject
    io.aclens.report.repository.SourceStateRepository sourceStates;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forTestBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static String knownClient() {
        return KnownClients.add(kafka);
    }

    @jakarta.inject.Inject
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    @Test
    void aChangeSetIsRecordedInTheTraceOfItsScan() {
        TestTraces.Caller diff = TestTraces.Caller.sampled();
        String client = KnownClients.add(kafka, false, diff);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestTraces.spansOf(spans, diff.traceId()))
                .as("the report service's part of the scan's trace").anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("record change set");
                    assertThat(span.getParentSpanId()).isEqualTo(diff.spanId());
                    assertThat(span.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.UNSET);
                }));
        given().get("/api/v1/clients/" + client + "/report-sources").then().statusCode(200).body("[0].sourceId", equalTo("fs1"));
    }

    @Test
    void onDemandReportIsStoredAndDownloadable() throws Exception {
        String client = knownClient();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().post("/api/v1/clients/" + client + "/reports").statusCode() == 201);

        given().get("/api/v1/clients/" + client + "/reports").then().statusCode(200).body("$", hasSize(1)).body("[0].folderCount", equalTo(2));
        given().get("/api/v1/clients/" + client + "/report-sources").then().body("[0].sourceId", equalTo("fs1"));
        given().get("/api/v1/clients/" + client + "/findings?language=ru").then().statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("NOBODY_HAS_FULL_CONTROL")).body("[0].title", equalTo("Ни у кого нет полного доступа"))
                .body("[0].folders", org.hamcrest.Matchers.contains("/srv/Finance"));
        String url = given().get("/api/v1/clients/" + client + "/reports").then().extract().path("[0].downloadUrl");
        byte[] xlsx = given().get(url).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("Access by person")).as("no directory synced: the group view alone").isNull();
            Sheet matrix = workbook.getSheet("Access by group");
            assertThat(matrix.getRow(4).getCell(3).getStringCellValue()).isEqualTo("Bob Builder");
            assertThat(matrix.getRow(5).getCell(3).getStringCellValue()).isEqualTo("F");
            assertThat(matrix.getRow(6).getCell(3).getStringCellValue()).isEqualTo("R");
            assertThat(workbook.getSheet("ACL changes").getRow(3).getCell(1).getStringCellValue()).isEqualTo("/srv/Finance");
        }
    }

    @Test
    void accessByPersonWithReasonsOverRest() {
        String client = knownClient();
        String finance = "S-1-22-2-3001";
        UpstreamServicesStub.DIRECTORY.put(client, List.of(
                new DirectoryEntry("S-1-22-1-1001", PrincipalKind.USER, "bob", null, "Bob Builder", null, "IT", null, true, null, null, null,
                        List.of()),
                new DirectoryEntry("S-1-22-1-1002", PrincipalKind.USER, "ann", null, "Ann Lee", null, "Finance", null, true, null, null, null,
                        List.of(finance)),
                DirectoryEntry.group(finance, "finance", "posix", List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract()
                .jsonPath().getList("$").size() == 1);

        given().get("/api/v1/clients/" + client + "/people").then().body("login", org.hamcrest.Matchers.contains("ann", "bob"));
        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then().statusCode(200)
                .body("level", equalTo("READ")).body("reasons[0]", equalTo("Read via bob (named directly) (allow, explicit)"));
        given().queryParam("user", "ann").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then().statusCode(200)
                .body("level", equalTo("NONE")).body("reasons", hasSize(0));
        given().queryParam("minimum", "F").get("/api/v1/clients/" + client + "/people/bob/access").then().statusCode(200)
                .body("items.path", org.hamcrest.Matchers.contains("/srv")).body("next", org.hamcrest.Matchers.nullValue());
        given().queryParam("user", "nobody").queryParam("path", "/srv").get("/api/v1/clients/" + client + "/access").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("minimum", "lots").get("/api/v1/clients/" + client + "/people/bob/access").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void accessIsAnsweredFromTheReadModelUntilTheDirectoryMovesOn() {
        String client = knownClient();
        reportableWithBob(client);
        for (int i = 0; i < 3; i++) {
            given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                    .statusCode(200).body("fullName", equalTo("Bob Builder"));
        }
        given().queryParam("minimum", "F").get("/api/v1/clients/" + client + "/people/bob/access").then().statusCode(200);
        assertThat(readModelLoads(client)).as("one load serves every request").isEqualTo(1);

        UpstreamServicesStub.DIRECTORY.put(client, List.of(bob("Robert Builder")));
        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                .body("fullName", equalTo("Bob Builder"));
        assertThat(readModelLoads(client)).as("a directory synced but not yet diffed is not shown").isEqualTo(1);
        given().get("/api/v1/clients/" + client + "/report-directories").then().statusCode(200).body("size()", equalTo(0));

        long directorySnapshotId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        kafka.send(Topics.CHANGE_SETS, new io.aclens.contracts.DirectoryChangeSetCompleted(
                io.aclens.contracts.DirectoryChangeSetCompleted.eventIdFor(directorySnapshotId), directorySnapshotId, null, client, "ldap:corp",
                0, true, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModelLoads(client) == 2); // loaded again at once, before anyone asks
        JsonPath directories = given().get("/api/v1/clients/" + client + "/report-directories").then().statusCode(200).extract().jsonPath();
        assertThat(directories.getList("directoryId")).as("the answers now use this directory snapshot").containsExactly("ldap:corp");
        assertThat(directories.getLong("[0].latestDirectorySnapshotId")).isEqualTo(directorySnapshotId);
        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                .body("fullName", equalTo("Robert Builder"));
        assertThat(readModelLoads(client)).isEqualTo(2);
    }

    @Test
    void aRescanThatChangedNothingCarriesTheHeldStateOverAndOneThatChangedAFolderLoadsItAgain() {
        String client = knownClient();
        long first = reportableWithBob(client);
        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                .body("level", equalTo("READ"));
        assertThat(readModelLoads(client)).isEqualTo(1);

        long unchanged = first + 1;
        UpstreamServicesStub.SNAPSHOTS.put(unchanged, new SnapshotView(unchanged, client, "fs1", "rescan", "/srv", first, 2, 0, Instant.now(),
                Instant.now()));
        UpstreamServicesStub.FOLDERS.put(unchanged, UpstreamServicesStub.FOLDERS.get(first));
        UpstreamServicesStub.DELTAS.put(unchanged, new DeltaPage(List.of(), null));
        kafka.send(Topics.CHANGE_SETS, new ChangeSetCompleted(ChangeSetCompleted.eventIdFor(unchanged), unchanged, first, client, "fs1", 0, false,
                Instant.now(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModelCarriedOver(client) == 1);
        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                .body("level", equalTo("READ"));
        assertThat(readModelLoads(client)).as("carried over, not loaded again").isEqualTo(1);
        given().post("/api/v1/clients/" + client + "/reports").then().statusCode(201)
                .body("snapshotIds", equalTo(String.valueOf(unchanged))).body("folderCount", equalTo(2));

        ChangeSetCompleted changed = KnownClients.rescanGrantingBobModify(client, unchanged);
        SnapshotView changedSnapshot = UpstreamServicesStub.SNAPSHOTS.get(changed.snapshotId());
        UpstreamServicesStub.SNAPSHOTS.put(changed.snapshotId(), new SnapshotView(changed.snapshotId(), client, "fs1", "rescan", "/srv", unchanged,
                2, 0, changedSnapshot.scanCompletedAt(), changedSnapshot.committedAt()));
        List<FolderView> folders = UpstreamServicesStub.FOLDERS.get(changed.snapshotId()).items();
        UpstreamServicesStub.DELTAS.put(changed.snapshotId(), new DeltaPage(List.of(new FolderDelta("/srv/Finance",
                UpstreamServicesStub.FOLDERS.get(first).items().get(1), folders.get(1))), null));
        kafka.send(Topics.CHANGE_SETS, changed);
        await().atMost(Duration.ofSeconds(30)).until(() -> readModelLoads(client) == 2);
        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                .body("level", equalTo("MODIFY"));
        assertThat(readModelCarriedOver(client)).isEqualTo(1);
    }

    private double readModelCarriedOver(String client) {
        var counter = registry.find("aclens_read_model_carried_over_total").tag("client", client).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aReportShowsTheScanItsSourceStateNamesThoughTheClientIsHeldFromTheScanBefore() throws Exception {
        String client = knownClient();
        long firstScan = reportableWithBob(client);
        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                .body("level", equalTo("READ"));

        // the moment the consumer's write of the rescan is committed and readable, before it tells the read model
        ChangeSetCompleted rescan = KnownClients.rescanGrantingBobModify(client, firstScan);
        sourceStates.advance(client, "fs1", rescan.snapshotId()).await().atMost(Duration.ofSeconds(10));
        given().post("/api/v1/clients/" + client + "/reports").then().statusCode(201);
        String url = given().get("/api/v1/clients/" + client + "/reports").then().extract().path("[0].downloadUrl");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(given().get(url).then().statusCode(200).extract().asByteArray()))) {
            assertThat(workbook.getSheet("Access by group").getRow(6).getCell(3).getStringCellValue()).as("bob on /srv/Finance").isEqualTo("M");
        }

        given().queryParam("user", "bob").queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/access").then()
                .body("level", equalTo("MODIFY"));
        assertThat(readModelLoads(client)).as("the report's load answers the next question").isEqualTo(2);
    }

    @Test
    void theMatrixOpensALevelAtATimeWithOnlyDifferingFoldersByDefault() {
        String client = knownClient();
        UpstreamServicesStub.DIRECTORY.put(client, List.of(bob("Bob Builder"),
                new DirectoryEntry("S-1-22-1-1002", PrincipalKind.USER, "ann", null, "Ann Lee", null, "Finance", null, true, null, null, null,
                        List.of("S-1-22-2-3001")),
                DirectoryEntry.group("S-1-22-2-3001", "finance", "posix", List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract()
                .jsonPath().getList("$").size() == 1);

        given().get("/api/v1/clients/" + client + "/matrix").then().statusCode(200).body("sourceId", equalTo("fs1"))
                .body("sources", org.hamcrest.Matchers.contains("fs1")).body("rowCount", equalTo(1))
                .body("rows[0].path", equalTo("/srv")).body("rows[0].children", equalTo(1))
                .body("people.login", org.hamcrest.Matchers.contains("ann", "bob")).body("rows[0].levels", org.hamcrest.Matchers.contains("", "F"));
        given().queryParam("under", "/srv").get("/api/v1/clients/" + client + "/matrix").then().statusCode(200)
                .body("under", equalTo("/srv")).body("rows.path", org.hamcrest.Matchers.contains("/srv/Finance"))
                .body("rows[0].name", equalTo("Finance")).body("rows[0].levels", org.hamcrest.Matchers.contains("", "R"));
        given().queryParam("department", "finance").get("/api/v1/clients/" + client + "/matrix").then().statusCode(200)
                .body("peopleCount", equalTo(1)).body("people.login", org.hamcrest.Matchers.contains("ann"));
        given().queryParam("group", "FINANCE").get("/api/v1/clients/" + client + "/matrix").then().statusCode(200)
                .body("people.login", org.hamcrest.Matchers.contains("ann"));
        given().queryParam("group", "nobody's").get("/api/v1/clients/" + client + "/matrix").then().statusCode(404);
        given().queryParam("under", "/srv/Nowhere").get("/api/v1/clients/" + client + "/matrix").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("peopleLimit", 500).get("/api/v1/clients/" + client + "/matrix").then().statusCode(400)
                .contentType("application/problem+json");

        given().queryParam("path", "/srv/Finance").get("/api/v1/clients/" + client + "/folder-access").then().statusCode(200)
                .body("sourceId", equalTo("fs1")).body("people.login", org.hamcrest.Matchers.contains("bob"))
                .body("people[0].level", equalTo("READ")).body("people[0].reasons[0]", equalTo("Read via bob (named directly) (allow, explicit)"))
                .body("acl[0].type", equalTo("ALLOW")).body("acl[0].principal", equalTo("bob")).body("acl[0].level", equalTo("Read"))
                .body("acl[0].inheritedFrom", org.hamcrest.Matchers.nullValue());
        given().queryParam("path", "/srv/Nowhere").get("/api/v1/clients/" + client + "/folder-access").then().statusCode(404);
    }

    @Test
    void whatAPersonCouldReachAtAnEarlierMomentComesFromTheSnapshotAndDirectoryOfThen() {
        String client = knownClient(); // now: bob holds Full control on /srv and Read on /srv/Finance
        reportableWithBob(client);
        SnapshotView current = UpstreamServicesStub.SNAPSHOTS.values().stream().filter(v -> v.clientId().equals(client)).findFirst().orElseThrow();
        Instant then = Instant.now().minus(Duration.ofDays(40));
        long older = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        SnapshotView olderView = new SnapshotView(older, client, "fs1", "scan-then", "/srv", null, 2, 0, then, then);
        UpstreamServicesStub.SNAPSHOTS.put(older, olderView);
        UpstreamServicesStub.FOLDERS.put(older, new FolderPage(List.of(
                new FolderView("/srv", 0, "S-1-22-1-1001", null, false, "a", List.of(Ace.allow("S-1-22-1-1001", AccessMask.FULL_CONTROL)), null, null),
                new FolderView("/srv/Finance", 1, "S-1-22-1-1001", null, false, "a", List.of(Ace.allow("S-1-22-1-1001", AccessMask.FULL_CONTROL)),
                        null, null)), null));
        UpstreamServicesStub.SNAPSHOT_SERVICE.snapshotsByClient.put(client, List.of(current, olderView));
        UpstreamServicesStub.SNAPSHOT_SERVICE.directorySnapshotsByClient.put(client, List.of(
                new DirectorySnapshotView(older, null, client, "ldap:corp", "sync-then", 1, then.minus(Duration.ofDays(1)))));
        UpstreamServicesStub.SNAPSHOT_SERVICE.directorySnapshots.put(older, List.of(bob("Bob of Then")));
        String path = "/api/v1/clients/" + client + "/people/bob/access";

        given().queryParam("minimum", "F").queryParam("at", then.plus(Duration.ofDays(10)).toString()).get(path).then().statusCode(200)
                .body("items.path", org.hamcrest.Matchers.contains("/srv", "/srv/Finance")).body("items[0].fullName", equalTo("Bob of Then"));
        given().queryParam("minimum", "F").get(path).then().statusCode(200).body("items.path", org.hamcrest.Matchers.contains("/srv"))
                .body("items[0].fullName", equalTo("Bob Builder"));
        given().queryParam("at", then.minus(Duration.ofDays(30)).toString()).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("at", "last March").get(path).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void whatAPersonCanAccessComesInPages() {
        String client = KnownClients.addLarge(kafka, 30);
        reportableWithBob(client);

        List<String> paths = new java.util.ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var page = given().queryParam("minimum", "F").queryParam("limit", 10).queryParam("after", after == null ? "" : after)
                    .get("/api/v1/clients/" + client + "/people/bob/access").then().statusCode(200).extract().jsonPath();
            paths.addAll(page.getList("items.path", String.class));
            after = page.getString("next");
            pages++;
        } while (after != null);
        assertThat(paths).as("every folder once, in folder order").hasSize(31).doesNotHaveDuplicates().startsWith("/srv");
        assertThat(pages).isEqualTo(4);

        given().queryParam("after", "nonsense").get("/api/v1/clients/" + client + "/people/bob/access").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("after", "1.0").get("/api/v1/clients/" + client + "/people/bob/access").then().statusCode(410)
                .contentType("application/problem+json");
        given().queryParam("limit", 0).get("/api/v1/clients/" + client + "/people/bob/access").then().statusCode(400);
    }

    /** Puts bob in the client's directory and waits until the report service answers for its source; returns the snapshot. */
    private static long reportableWithBob(String client) {
        UpstreamServicesStub.DIRECTORY.put(client, List.of(bob("Bob Builder")));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract()
                .jsonPath().getList("$").size() == 1);
        return given().get("/api/v1/clients/" + client + "/report-sources").then().extract().jsonPath().getLong("[0].latestSnapshotId");
    }

    private static DirectoryEntry bob(String fullName) {
        return new DirectoryEntry("S-1-22-1-1001", PrincipalKind.USER, "bob", null, fullName, null, "IT", null, true, null, null, null, List.of());
    }

    private double readModelLoads(String client) {
        var counter = registry.find("aclens_read_model_loads_total").tag("client", client).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void accessByPersonNeedsADirectory() {
        String client = knownClient();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract()
                .jsonPath().getList("$").size() == 1);
        given().queryParam("user", "bob").queryParam("path", "/srv").get("/api/v1/clients/" + client + "/access").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void scheduledReportIsMadeOncePerClientAndPeriod() {
        String client = knownClient();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().post("/api/v1/clients/" + client + "/reports").statusCode() == 201);
        String period = "1999-" + ThreadLocalRandom.current().nextInt(10, 99);

        assertThat(monthly.generateFor(period)).isGreaterThanOrEqualTo(1);
        assertThat(monthly.generateFor(period)).as("the period is already reported").isZero();
        given().get("/api/v1/clients/" + client + "/reports").then().body("findAll { it.period == '" + period + "' }", hasSize(1));
    }

    @Test
    void unknownClientAndPoisonEventsAreClearErrors() {
        given().post("/api/v1/clients/nobody/reports").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/reports/987654321/xlsx").then().statusCode(404);

        String key = "poison-" + UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventCodec.HEADER_TYPE, "io.aclens.changeset.completed.v1".getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.CHANGE_SETS, key, headers, "[]".getBytes(StandardCharsets.UTF_8));
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.CHANGE_SETS),
                all -> all.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
        assertThat(dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow().headers().lastHeader(DeadLetters.REASON)).isNotNull();
    }
}
