package io.aclens.collector;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.collector.repository.ScanJobRepository;
import io.aclens.collector.repository.ScanJobRepository.ScanJob;
import io.aclens.collector.service.ScanJobRecovery;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScanFailed;
import io.aclens.contracts.ScanStarted;
import io.aclens.auth.Roles;
import io.aclens.contracts.Topics;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.TestTokens;
import io.aclens.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scans of a collector that stopped (its leases left to run out, as a killed process leaves them) are taken over:
 * the queued one runs under its own id, the running one is failed visibly and scanned afresh, the upload is failed
 * visibly with what to do.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class ScanJobRecoveryTest {
    private static final Duration EXPIRED = Duration.ofSeconds(-1);

    @Inject
    ScanJobRepository jobs;
    @Inject
    ScanJobRecovery recovery;

    @Test
    void scansLeftByAStoppedCollectorAreRunAgainOrFailedVisibly() throws Exception {
        Path root = Files.createTempDirectory("aclens-recovery-");
        Files.createDirectories(root.resolve("Finance"));
        String source = "recovered-" + UUID.randomUUID();
        String rerun = "{\"kind\":\"local-tree\",\"request\":{\"clientId\":\"acme\",\"root\":\"" + root + "\",\"sourceId\":\"" + source + "\"}}";
        String queued = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        String upload = UUID.randomUUID().toString();
        jobs.queued(job(queued, source, root.toString(), rerun), "dead-collector", EXPIRED).await().indefinitely();
        jobs.queued(job(running, source, root.toString(), rerun), "dead-collector", EXPIRED).await().indefinitely();
        jobs.running(running, Instant.now()).await().indefinitely();
        jobs.queued(job(upload, "fs1:data", "D:\\Data", null), "dead-collector", EXPIRED).await().indefinitely();
        jobs.running(upload, Instant.now()).await().indefinitely();

        assertThat(recovery.takeOver()).isGreaterThanOrEqualTo(3);
        assertThat(recovery.takeOver()).as("each is taken over once").isZero();

        List<ScanEvent> events;
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> {
                List<ScanCompleted> completed = kafka.events(all, ScanCompleted.class);
                return completed.stream().anyMatch(e -> e.scanId().equals(queued))
                        && completed.stream().anyMatch(e -> e.sourceId().equals(source) && !e.scanId().equals(queued))
                        && kafka.events(all, ScanFailed.class).stream().anyMatch(e -> e.scanId().equals(upload))
                        // each scan's events are on their own partition: wait for every one looked at below
                        && kafka.events(all, ScanFailed.class).stream().anyMatch(e -> e.scanId().equals(running));
            }, Duration.ofSeconds(60));
            events = kafka.events(records, ScanEvent.class);
        }
        assertThat(events).filteredOn(e -> e instanceof ScanCompleted && e.scanId().equals(queued)).as("the queued scan runs under its id")
                .hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof ScanFailed && e.scanId().equals(running)).singleElement()
                .satisfies(e -> assertThat(((ScanFailed) e).reason()).contains("stopped while this scan ran"));
        assertThat(events).filteredOn(e -> e instanceof ScanStarted && e.sourceId().equals(source) && !e.scanId().equals(queued)
                && !e.scanId().equals(running)).as("the running one is scanned afresh under a new id").hasSize(1);
        given().get("/api/v1/scans/" + upload).then().statusCode(200).body("state", org.hamcrest.Matchers.is("FAILED"))
                .body("failure", org.hamcrest.Matchers.containsString("upload it again"));
        given().get("/api/v1/scans/" + queued).then().statusCode(200).body("state", org.hamcrest.Matchers.is("COMPLETED"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TestTokens.as(TestTokens.token(Roles.OPS)).get("/q/metrics").then().statusCode(200).extract().asString())
                .as("the alert on failed scans counts them per client and source")
                .containsPattern("aclens_scans_total\\{client=\"acme\",outcome=\"failed\",source=\"" + source + "\"} 1.0")
                .containsPattern("aclens_scans_total\\{client=\"acme\",outcome=\"completed\",source=\"" + source + "\"} 2.0"));
    }

    private static ScanJob job(String scanId, String sourceId, String root, String rerun) {
        return new ScanJob(scanId, "acme", sourceId, root, rerun, "QUEUED", 0, 0, Instant.now(), null, null, null);
    }
}
