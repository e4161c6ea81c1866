package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.ScanStarted;
import io.aclens.auth.Roles;
import io.aclens.contracts.Topics;
import io.aclens.testing.TestTokens;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The %test profile schedules a scan of ${java.io.tmpdir}/aclens-scheduled-scan every second (see application.properties). */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class ScheduledScanTest {

    @Test
    void configuredScheduleStartsScans() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "aclens-scheduled-scan"));
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> kafka.events(all, ScanStarted.class).stream()
                    .anyMatch(e -> e.clientId().equals("scheduled-client")), Duration.ofSeconds(30));
            assertThat(kafka.events(records, ScanStarted.class)).filteredOn(e -> e.clientId().equals("scheduled-client"))
                    .allSatisfy(e -> assertThat(e.sourceId()).startsWith("local:"));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TestTokens.as(TestTokens.token(Roles.OPS)).get("/q/metrics").then().statusCode(200).extract().asString())
                .as("a schedule whose run cannot start is a missed scan the alert rules see")
                .containsPattern("aclens_scheduled_runs_total\\{job=\"scan-gone\",outcome=\"not-started\"} [1-9]")
                .containsPattern("aclens_scheduled_runs_total\\{job=\"scan-tick\",outcome=\"started\"} [1-9]"));
    }
}
