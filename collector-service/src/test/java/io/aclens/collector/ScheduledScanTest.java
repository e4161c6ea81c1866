package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.ScanStarted;
import io.aclens.contracts.Topics;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ScheduledScanTest.EverySecond.class)
@WithTestResource(KafkaBrokerResource.class)
class ScheduledScanTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                String root = Files.createTempDirectory("aclens-scheduled-").toString();
                return Map.of("aclens.collector.schedules.fs1.client-id", "scheduled-client",
                        "aclens.collector.schedules.fs1.root", root,
                        "aclens.collector.schedules.fs1.cron", "* * * * * ?");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void configuredScheduleStartsScans() {
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> kafka.events(all, ScanStarted.class).stream()
                    .anyMatch(e -> e.clientId().equals("scheduled-client")), Duration.ofSeconds(30));
            assertThat(kafka.events(records, ScanStarted.class)).anySatisfy(e -> assertThat(e.sourceId()).startsWith("local:"));
        }
    }
}
