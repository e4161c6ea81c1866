package io.aclens.collector;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.aclens.access.Level;
import io.aclens.access.PosixAcl;
import io.aclens.access.PrincipalLevels;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScanStarted;
import io.aclens.contracts.Topics;
import io.aclens.posix.PosixAclFiles;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.tracing.TestTraces;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class ScanResourceTest {
    @jakarta.inject.Inject
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    @Test
    void scanPublishesOrderedLifecycleWithEachFoldersAcl() throws Exception {
        Path root = Files.createTempDirectory("aclens-scan-");
        Path finance = Files.createDirectories(root.resolve("Финансы/Зарплата 2026"));
        Files.createDirectories(root.resolve("Sales"));
        PosixAclFiles.writeAccess(finance.getParent(), PosixAcl.parseText("u::rwx,u:5001:r-x,g::r-x,g:5002:rwx,m::rwx,o::---"));
        Path passwd = Files.writeString(root.resolveSibling(root.getFileName() + ".passwd"),
                "petrova:x:5001:100:Мария Петрова,,,:/home/p:/bin/sh\n", StandardCharsets.UTF_8);
        Path group = Files.writeString(root.resolveSibling(root.getFileName() + ".group"), "finance:x:5002:\n");

        TestTraces.Caller caller = TestTraces.Caller.sampled();
        String scanId = given().contentType("application/json").header("traceparent", caller.traceparent())
                .body(Map.of("clientId", "acme", "root", root.toString(), "sourceId", "fs1-data",
                        "passwdFile", passwd.toString(), "groupFile", group.toString()))
                .when().post("/api/v1/scans")
                .then().statusCode(202).extract().path("scanId");

        List<ScanEvent> events;
        List<ConsumerRecord<String, byte[]>> scanRecords;
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.SCANS,
                    all -> all.stream().anyMatch(r -> scanId.equals(r.key()) && EventCodec.header(r.headers(), EventCodec.HEADER_TYPE)
                            .orElse("").equals("io.aclens.scan.completed.v1")), Duration.ofSeconds(30));
            scanRecords = records.stream().filter(r -> scanId.equals(r.key())).toList();
            events = kafka.events(scanRecords, ScanEvent.class);
        }
        assertThat(scanRecords).as("the scan's events, its folder batches too, continue the trace of the call that started it")
                .allSatisfy(r -> assertThat(TestTraces.traceIdOf(r)).contains(caller.traceId()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestTraces.spansOf(spans, caller.traceId()))
                .as("the call and the scan are spans of the caller's trace")
                .anySatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(caller.spanId()))
                .anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("scan");
                    assertThat(span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("aclens.client.id"))).isEqualTo("acme");
                }));

        assertThat(niceOfThreads("aclens-scan-\\d+")).as("the scan ran on a thread that yields the CPU to answers (aclens.collector.scan-nice)")
                .isNotEmpty().containsOnly(10);
        assertThat(events.get(0)).isInstanceOf(ScanStarted.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(ScanCompleted.class);
        List<FolderScanned> folders = ScanEvents.folders(events);
        assertThat(folders).extracting(FolderScanned::sequence).containsExactly(1L, 2L, 3L, 4L);
        Map<String, FolderScanned> byPath = folders.stream().collect(Collectors.toMap(FolderScanned::path, f -> f));
        FolderScanned financeEvent = byPath.get(finance.getParent().toString());
        assertThat(financeEvent.depth()).isEqualTo(1);
        assertThat(PrincipalLevels.of(financeEvent.dacl()))
                .containsEntry("S-1-22-1-5001", Level.READ_EXECUTE)
                .containsEntry("S-1-22-2-5002", Level.MODIFY)
                .containsEntry("S-1-1-0", Level.NONE);
        ScanCompleted completed = (ScanCompleted) events.get(events.size() - 1);
        assertThat(completed.folderCount()).isEqualTo(4);
        assertThat(completed.errorCount()).isZero();
        assertThat(ScanEvents.principals(events)).anySatisfy(p -> {
            assertThat(p.sid()).isEqualTo("S-1-22-1-5001");
            assertThat(p.fullName()).isEqualTo("Мария Петрова");
        });

        given().when().get("/api/v1/scans/" + scanId).then().statusCode(200).body("state", equalTo("COMPLETED")).body("folders", equalTo(4));
    }

    /** The nice value of each of this process's threads whose (Linux) name matches, from /proc. */
    private static List<Integer> niceOfThreads(String name) throws java.io.IOException {
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip().matches(name);
                } catch (java.io.IOException gone) {
                    return false;
                }
            }).map(task -> {
                try {
                    return io.aclens.posix.ThreadPriority.niceOf(task);
                } catch (java.io.IOException gone) {
                    return -1;
                }
            }).toList();
        }
    }

    @Test
    void aTreeNamingTwentyThousandAccountsSendsItsPrincipalsInChunksBelowTheMessageLimit() throws Exception {
        int accounts = 20_000;
        Path root = Files.createTempDirectory("aclens-many-accounts-");
        StringBuilder passwd = new StringBuilder();
        for (int i = 0; i < accounts; i++) {
            int uid = 100_000 + i;
            PosixAclFiles.writeAccess(Files.createDirectory(root.resolve("f" + i)), PosixAcl.parseText("u::rwx,u:" + uid + ":r-x,g::r-x,m::r-x,o::---"));
            passwd.append("user").append(uid).append(":x:").append(uid).append(":100:Сотрудник отдела продаж номер ").append(uid)
                    .append(",,,:/home/u:/bin/sh\n");
        }
        Path passwdFile = Files.writeString(root.resolveSibling(root.getFileName() + ".passwd"), passwd, StandardCharsets.UTF_8);
        Path groupFile = Files.writeString(root.resolveSibling(root.getFileName() + ".group"), "");
        String scanId = given().contentType("application/json").body(Map.of("clientId", "acme", "root", root.toString(), "sourceId", "many-accounts",
                "passwdFile", passwdFile.toString(), "groupFile", groupFile.toString())).when().post("/api/v1/scans")
                .then().statusCode(202).extract().path("scanId");

        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            records = kafka.readUntil(Topics.SCANS, all -> all.stream().anyMatch(r -> scanId.equals(r.key()) && EventCodec.header(r.headers(),
                    EventCodec.HEADER_TYPE).orElse("").equals("io.aclens.scan.completed.v1")), Duration.ofSeconds(60)).stream()
                    .filter(r -> scanId.equals(r.key())).toList();
        }
        List<ConsumerRecord<String, byte[]>> chunks = records.stream().filter(r -> EventCodec.header(r.headers(), EventCodec.HEADER_TYPE)
                .orElse("").equals("io.aclens.scan.principals.v1")).toList();
        assertThat(chunks).as("more than one message could hold").hasSizeGreaterThan(1)
                .allSatisfy(r -> assertThat(r.value().length).isLessThan(1024 * 1024));
        List<ScanEvent> events = records.stream().map(r -> EventCodec.decode(r.headers(), r.value(), ScanEvent.class)).toList();
        assertThat(ScanEvents.principals(events)).extracting(io.aclens.access.Principal::sid).contains("S-1-22-1-100000", "S-1-22-1-119999")
                .hasSizeGreaterThanOrEqualTo(accounts);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(ScanCompleted.class,
                completed -> assertThat(completed.folderCount()).isEqualTo(accounts + 1));
        assertThat(events).as("heartbeats while it ran, on the collector's clock, with how far it got")
                .filteredOn(io.aclens.contracts.ScanHeartbeat.class::isInstance).isNotEmpty()
                .allSatisfy(e -> assertThat(((io.aclens.contracts.ScanHeartbeat) e).foldersSoFar()).isBetween(0L, accounts + 1L));
    }

    @Test
    void badRequestsGetProblemDetails() {
        given().contentType("application/json").body(Map.of("clientId", "acme", "root", "relative/path"))
                .when().post("/api/v1/scans")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("absolute"));
        given().contentType("application/json").body(Map.of("clientId", "no spaces allowed", "root", "/tmp"))
                .when().post("/api/v1/scans")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("clientId"));
        given().contentType("application/json").body("{not json")
                .when().post("/api/v1/scans")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/scans/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
