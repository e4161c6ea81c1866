package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.aclens.cli.stack.Stack;
import io.aclens.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/helm/aclens lints cleanly and renders what a cluster needs, true to the code: every service with probes and
 * resources, exactly the topics the contracts name, the alert rules the promtool tests cover, and consumers that never
 * autoscale past their topic's partitions. (No cluster here: Helm itself, from helm-java, lints and renders.)
 */
class HelmChartTest {
    private static final Path CHART = Aclens.home().resolve("deploy/helm/aclens");
    private static List<Map<String, Object>> rendered;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() {
        String manifests = new Helm(CHART).template().withName("aclens").withNamespace("aclens").call();
        rendered = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifests)) {
            if (document != null) {
                rendered.add((Map<String, Object>) document);
            }
        }
    }

    private static Stream<Map<String, Object>> ofKind(String kind) {
        return rendered.stream().filter(d -> kind.equals(d.get("kind")));
    }

    /** The node at a path of keys (and list indexes) in a rendered document, or null. */
    private static Object at(Object document, String... path) {
        Object node = document;
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : node instanceof List<?> list ? list.get(Integer.parseInt(key)) : null;
        }
        return node;
    }

    private static String text(Object document, String... path) {
        return String.valueOf(at(document, path));
    }

    @Test
    void theChartLintsCleanly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void everyServiceRunsWithProbesResourcesAndAService() {
        Set<String> expected = Stream.concat(Stack.SERVICES.stream(), Stream.of(Stack.GATEWAY, Stack.CONSOLE)).collect(Collectors.toSet());
        assertThat(ofKind("Deployment").map(d -> text(d, "metadata", "name"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ofKind("Service").map(d -> text(d, "metadata", "name"))).containsExactlyInAnyOrderElementsOf(expected);
        ofKind("Deployment").forEach(deployment -> {
            Object container = at(deployment, "spec", "template", "spec", "containers", "0");
            assertThat(text(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat(text(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat(at(container, "resources", "limits", "memory")).as("%s has a memory limit", text(deployment, "metadata", "name"))
                    .isNotNull();
        });
        Map<String, Object> report = ofKind("Deployment").filter(d -> "report-service".equals(text(d, "metadata", "name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> env = (List<Map<String, Object>>) at(report, "spec", "template", "spec", "containers", "0", "env");
        assertThat(env).as("secrets come from Secrets, never from values").filteredOn(e -> e.get("name").equals("QUARKUS_MAILER_PASSWORD"))
                .singleElement().satisfies(e -> assertThat(e).containsKey("valueFrom").doesNotContainKey("value"));

        Map<String, Object> console = ofKind("Deployment").filter(d -> Stack.CONSOLE.equals(text(d, "metadata", "name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> consoleEnv = (List<Map<String, Object>>) at(console, "spec", "template", "spec", "containers", "0", "env");
        assertThat(consoleEnv).as("the console reads the API through the gateway").filteredOn(e -> e.get("name").equals("ACLENS_CONSOLE_API_URL"))
                .singleElement().satisfies(e -> assertThat(e.get("value")).isEqualTo("http://api-gateway:8080"));
        assertThat(consoleEnv).as("its session key comes from a Secret").filteredOn(e -> e.get("name").equals("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"))
                .singleElement().satisfies(e -> assertThat(e).containsKey("valueFrom").doesNotContainKey("value"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceConnectsToKafkaAsItsOwnKafkaUserAndTracesGoNowhereUntilAnEndpointIsGiven() {
        Set<String> users = ofKind("KafkaUser").map(u -> text(u, "metadata", "name")).collect(Collectors.toSet());
        assertThat(users).containsExactlyInAnyOrderElementsOf(Stack.SERVICES);
        ofKind("Deployment").filter(d -> users.contains(text(d, "metadata", "name"))).forEach(deployment -> {
            String name = text(deployment, "metadata", "name");
            List<Map<String, Object>> env = (List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers", "0", "env");
            Map<String, Object> byName = env.stream().collect(Collectors.toMap(e -> (String) e.get("name"), e -> e.getOrDefault("value",
                    e.get("valueFrom"))));
            assertThat(byName).as("%s logs in with SCRAM over TLS", name)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            assertThat(at(byName.get("KAFKA_SASL_JAAS_CONFIG"), "secretKeyRef", "name")).as("%s: the secret Strimzi writes for its KafkaUser", name)
                    .isEqualTo(name);
            assertThat(byName).as("%s: no collector configured, no trace sampled", name).containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0")
                    .doesNotContainKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            assertThat((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "volumes"))
                    .anySatisfy(volume -> assertThat(text(volume, "secret", "secretName")).isEqualTo("aclens-cluster-ca-cert"));
        });

        String traced = new Helm(CHART).template().withName("aclens").withNamespace("aclens")
                .set("tracing.otlpEndpoint", "http://otel-collector:4317").set("kafka.authentication", "none").call();
        assertThat(traced).contains("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317").doesNotContain("KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsolesSingleSignOnIsOffUntilAnIssuerIsGivenAndItsSecretComesFromTheConsolesSecret() {
        assertThat(new Helm(CHART).template().withName("aclens").withNamespace("aclens").call()).doesNotContain("ACLENS_CONSOLE_SSO_");
        String withSso = new Helm(CHART).template().withName("aclens").withNamespace("aclens").set("console.sso.enabled", "true")
                .set("console.sso.issuer", "https://login.microsoftonline.com/tenant/v2.0").set("console.sso.providerName", "Entra ID").call();
        Map<String, Object> env = new HashMap<>();
        for (Object document : new Yaml().loadAll(withSso)) {
            if (document != null && Stack.CONSOLE.equals(text(document, "metadata", "name")) && "Deployment".equals(text(document, "kind"))) {
                ((List<Map<String, Object>>) at(document, "spec", "template", "spec", "containers", "0", "env"))
                        .forEach(e -> env.put((String) e.get("name"), e.getOrDefault("value", e.get("valueFrom"))));
            }
        }
        assertThat(env).containsEntry("ACLENS_CONSOLE_SSO_ENABLED", "true")
                .containsEntry("ACLENS_CONSOLE_SSO_ISSUER", "https://login.microsoftonline.com/tenant/v2.0")
                .containsEntry("ACLENS_CONSOLE_SSO_PROVIDER_NAME", "Entra ID");
        assertThat(at(env.get("ACLENS_CONSOLE_SSO_CLIENT_SECRET"), "secretKeyRef", "key")).isEqualTo("sso-client-secret");
    }

    @Test
    void theTopicsAreExactlyTheContractsTopicsOnStrimziV1() {
        Map<String, Integer> topics = new HashMap<>();
        ofKind("KafkaTopic").forEach(topic -> {
            assertThat(text(topic, "apiVersion")).as("Strimzi 1.0 serves v1 only").isEqualTo("kafka.strimzi.io/v1");
            String name = text(topic, "metadata", "name");
            topics.put(name, (Integer) at(topic, "spec", "partitions"));
            assertThat(at(topic, "spec", "config", "retention.ms")).as("%s: dead letters kept as long as the contracts say", name)
                    .isEqualTo(name.endsWith(Topics.DEAD_LETTER_SUFFIX) ? Long.toString(Topics.DEAD_LETTER_RETENTION.toMillis()) : null);
        });
        assertThat(topics).isEqualTo(Topics.ALL.stream().collect(Collectors.toMap(Topics.TopicSpec::name, Topics.TopicSpec::partitions)));
        assertThat(ofKind("KafkaUser").count()).as("one Kafka identity per service").isEqualTo(Stack.SERVICES.size());
    }

    @Test
    void theAlertRulesAreThePromtoolTestedOnesAndConsumersScaleOnlyAsFarAsTheirPartitions() throws Exception {
        Map<String, Object> tested = new Yaml().load(Files.readString(Aclens.home().resolve("deploy/prometheus/alerts.yml")));
        Map<String, Object> rule = ofKind("PrometheusRule").findFirst().orElseThrow();
        assertThat(at(rule, "spec", "groups")).as("the chart's copy of deploy/prometheus/alerts.yml").isEqualTo(tested.get("groups"));
        assertThat(ofKind("ServiceMonitor")).hasSize(1);
        assertThat(ofKind("Cluster").map(c -> (String) c.get("apiVersion"))).containsExactly("postgresql.cnpg.io/v1");

        Map<String, Integer> partitions = Topics.ALL.stream().collect(Collectors.toMap(Topics.TopicSpec::name, Topics.TopicSpec::partitions));
        List<Map<String, Object>> scalers = ofKind("ScaledObject").toList();
        assertThat(scalers).extracting(s -> text(s, "metadata", "name"))
                .containsExactlyInAnyOrder("snapshot-service", "diff-service", "report-service");
        for (Map<String, Object> scaler : scalers) {
            assertThat((Integer) at(scaler, "spec", "maxReplicaCount")).as("%s: a group shares at most its topic's partitions",
                    text(scaler, "metadata", "name")).isLessThanOrEqualTo(partitions.get(text(scaler, "spec", "triggers", "0", "metadata", "topic")));
            assertThat(text(scaler, "spec", "triggers", "0", "metadata", "consumerGroup")).startsWith("aclens-");
        }
    }
}
