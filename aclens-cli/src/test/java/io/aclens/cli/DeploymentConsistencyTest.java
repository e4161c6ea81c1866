package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.cli.stack.Stack;
import io.aclens.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here, so this keeps it true to the services' configuration and topics (the Helm chart: HelmChartTest). */
class DeploymentConsistencyTest {
    private static final Path HOME = Aclens.home();
    private static final Set<String> TOPICS = Topics.ALL.stream().map(t -> t.name() + ":" + t.partitions()).collect(Collectors.toSet());

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(HOME.resolve("docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
    }

    private static Properties serviceProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(HOME.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    private static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyComposeSettingIsAKeyTheServiceReadsOnItsOwnPort() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (String service : java.util.stream.Stream.concat(Stack.SERVICES.stream(), java.util.stream.Stream.of(Stack.GATEWAY, Stack.CONSOLE)).toList()) {
            Map<String, Object> definition = (Map<String, Object>) services.get(service);
            assertThat(definition).as(service + " is in docker-compose.yml").isNotNull();
            Properties properties = serviceProperties(service);
            Set<String> known = properties.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                    .map(DeploymentConsistencyTest::envName).collect(Collectors.toSet());
            Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
            assertThat(known).as(service + " reads every variable compose sets").containsAll(environment.keySet());
            String port = properties.getProperty("quarkus.http.port");
            assertThat((List<String>) definition.get("ports")).as(service + " port").containsExactly(port + ":" + port);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeCreatesExactlyTheTopicsTheServicesUse() throws IOException {
        Map<String, Object> init = (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get("kafka-init");
        String script = String.join("\n", (List<String>) init.get("command"));
        Set<String> composeTopics = new HashSet<>();
        Matcher m = Pattern.compile("(aclens\\.[a-z0-9.-]+:\\d+)").matcher(script);
        while (m.find()) {
            composeTopics.add(m.group(1));
        }
        assertThat(composeTopics).isEqualTo(TOPICS);
        String deadLetterRetention = Long.toString(Topics.DEAD_LETTER_RETENTION.toMillis());
        assertThat(script).as("compose keeps dead letters as long as the contracts say").contains("retention.ms=" + deadLetterRetention);

    }

    @Test
    void servicesUseTheContractsTopicNames() throws IOException {
        Set<String> configured = new HashSet<>();
        for (String service : Stack.SERVICES) {
            serviceProperties(service).forEach((key, value) -> {
                if (key.toString().endsWith(".topic")) {
                    configured.add(value.toString());
                }
            });
        }
        assertThat(Topics.ALL.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet())).containsAll(configured);
        assertThat(configured).contains(Topics.SCANS, Topics.SNAPSHOTS, Topics.ACCESS_CHANGES, Topics.CHANGE_SETS);
    }
}
