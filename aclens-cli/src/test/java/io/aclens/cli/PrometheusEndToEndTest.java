package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.cli.bench.TreeGenerator;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.contracts.api.SubscriptionRequest;
import io.aclens.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations view on a real Prometheus: it scrapes the four services of a running stack with ACLens' alert rules;
 * after a scan, a package and a poison record, every query of the Grafana dashboard has data and every rule evaluates
 * cleanly; then the
 * snapshot service is stopped while a scan waits for it, and the lag shows, the alert on a group without consumers is
 * raised and ./aclens status names it — within a minute, as the issue asks.
 */
class PrometheusEndToEndTest {
    private static final String CLIENT = "watched";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Duration WITHIN_A_MINUTE = Duration.ofSeconds(60);

    @Test
    void everyDashboardQueryHasDataEveryRuleEvaluatesAndAStoppedConsumerRaisesTheAlert(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("share");
        TreeGenerator.generate(tree, 2_000, 0.05, 3);
        try (Stack stack = Stack.start(StackConfig.of(Aclens.home(), dir.resolve("data"), true), System.out::println);
             PrometheusServer prometheus = PrometheusServer.start(dir.resolve("prometheus"), stack, Stack.SERVICES)) {
            PipelineClient pipeline = new PipelineClient(stack);
            pipeline.onboard(new ClientRegistration(CLIENT, "Watched GmbH"));
            pipeline.registerSource(CLIENT, "share", new SourceRegistration(CLIENT + ":share", null, null,
                    new SourceSettings.LinuxTree(SourceSettings.LINUX, tree.toString(), null, null, null)));
            long snapshotId = pipeline.awaitCommitted(pipeline.startRegisteredScans(CLIENT, "share").get(0), TIMEOUT).snapshotId();
            pipeline.awaitChangeSet(snapshotId, TIMEOUT);
            pipeline.awaitReportable(CLIENT, CLIENT + ":share", snapshotId, TIMEOUT);
            pipeline.deliverNow(CLIENT, "management", new SubscriptionRequest(List.of("director@watched.example"), List.of(), "en",
                    "Europe/Moscow", "MONTHLY", null, true, List.of(), List.of(), List.of(), List.of()), TIMEOUT);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.SCANS, "poison", "not an event".getBytes(StandardCharsets.UTF_8))).get();
            } // a poison record: the snapshot service dead-letters it, so the dead-letter panels have something to show

            for (String expression : dashboardExpressions()) {
                Awaitility.await(expression).atMost(WITHIN_A_MINUTE).until(() -> !prometheus.query(expression).isEmpty());
            }
            JsonNode groups = prometheus.get("/api/v1/rules").path("data").path("groups");
            List<String> rules = new ArrayList<>();
            groups.forEach(group -> group.path("rules").forEach(rule -> {
                rules.add(rule.path("name").asText());
                assertThat(rule.path("health").asText()).as("%s evaluates on the services' real metrics: %s", rule.path("name").asText(),
                        rule.path("lastError").asText()).isEqualTo("ok");
            }));
            assertThat(rules).hasSize(12).contains("AclensConsumerGroupEmpty", "AclensScanFailed", "AclensScheduledRunMissed", "AclensDataStale");

            stack.kill("snapshot-service");
            pipeline.startRegisteredScans(CLIENT, "share");

            Awaitility.await().atMost(WITHIN_A_MINUTE).until(() -> !prometheus.query(
                    "sum(aclens_consumer_lag_records{group=\"aclens-snapshot\"}) > 0").isEmpty());
            Awaitility.await().atMost(WITHIN_A_MINUTE).until(() -> !prometheus.query(
                    "ALERTS{alertname=\"AclensConsumerGroupEmpty\",group=\"aclens-snapshot\"}").isEmpty());
            OperatorCommand.Result status = OperatorCommand.run(null, "status", "--api-url", stack.apiUrl(), "--token",
                    stack.tokens().operatorToken());
            assertThat(status.exitCode()).as("status works while a service is down: %s", status.stderr()).isZero();
            assertThat(status.stdout()).as("./aclens status").containsPattern("aclens-snapshot .*← nobody is consuming")
                    .contains("sources and packages not shown");
        }
    }

    /** Every PromQL expression of the Grafana dashboard. */
    private static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Aclens.home().resolve("deploy/grafana/aclens-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).hasSizeGreaterThan(10);
        return expressions;
    }
}
