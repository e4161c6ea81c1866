package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** deploy/prometheus/alerts.yml is valid and each alert fires on the series its promtool unit test gives it (and only then). */
class PrometheusRulesTest {
    private static final Path PROMETHEUS = Aclens.home().resolve("deploy/prometheus");

    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool ended").isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }

    @Test
    void theAlertRulesAreValidAndTheirUnitTestsPass() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 12 rules found");
        assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    /**
     * Every ACLens metric the alert rules and the Grafana dashboard use is one a service registers (a gauge renamed in
     * code would otherwise leave an alert that never fires and an empty panel).
     */
    @Test
    void theRulesAndTheDashboardUseOnlyMetricsTheServicesExport() throws Exception {
        java.util.Set<String> exported = new java.util.TreeSet<>();
        // what Micrometer's Prometheus registry makes of each meter's name: counters end in _total, timers in _seconds with buckets
        java.util.regex.Pattern registered = java.util.regex.Pattern.compile("(MultiGauge|Counter|Timer)\\.builder\\(\"([a-z.]+)\"\\)");
        try (java.util.stream.Stream<Path> sources = java.nio.file.Files.walk(Aclens.home())) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                java.util.regex.Matcher m = registered.matcher(java.nio.file.Files.readString(source));
                while (m.find()) {
                    String name = m.group(2).replace('.', '_');
                    switch (m.group(1)) {
                        case "Counter" -> exported.add(name + "_total");
                        case "Timer" -> List.of("_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max")
                                .forEach(suffix -> exported.add(name + suffix));
                        default -> exported.add(name);
                    }
                }
            }
        }
        assertThat(exported).contains("aclens_consumer_lag_seconds", "aclens_outbox_waiting", "aclens_scans_total",
                "aclens_freshness_seconds_bucket");
        String rules = java.nio.file.Files.readString(PROMETHEUS.resolve("alerts.yml"));
        String dashboard = java.nio.file.Files.readString(Aclens.home().resolve("deploy/grafana/aclens-dashboard.json"));
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\baclens_[a-z_]+").matcher(rules + dashboard);
        while (metric.find()) {
            used.add(metric.group());
        }
        assertThat(used).as("metrics in alerts.yml and the dashboard").isNotEmpty();
        assertThat(exported).as("registered by a service").containsAll(used);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard).path("panels").size()).isPositive();
    }
}
