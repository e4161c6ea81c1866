package io.aclens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.auth.Roles;
import io.aclens.cli.stack.Stack;
import io.aclens.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Debian's Prometheus server (the package {@code ./aclens test} installs) scraping a running stack every second with
 * ACLens' own alert rules, as in a deployment: an ops token for {@code /q/metrics}, one target per service.
 */
final class PrometheusServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;

    private PrometheusServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static PrometheusServer start(Path dir, Stack stack, List<String> services) throws IOException {
        Files.createDirectories(dir);
        Path token = dir.resolve("ops-token");
        Files.writeString(token, stack.tokens().issue("prometheus", Roles.OPS, List.of(), Duration.ofHours(2)));
        String targets = String.join(", ", services.stream().map(s -> "\"" + stack.url(s).replace("http://", "") + "\"").toList());
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: ["%s"]
                scrape_configs:
                  - job_name: aclens
                    metrics_path: /q/metrics
                    authorization: {type: Bearer, credentials_file: "%s"}
                    static_configs:
                      - targets: [%s]
                """.formatted(Aclens.home().resolve("deploy/prometheus/alerts.yml"), token, targets));
        int port = FreePorts.next();
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port);
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> server.status("/-/ready") == 200);
        return server;
    }

    /** The instant vector an expression evaluates to now (empty when it has no data). */
    JsonNode query(String expression) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        if (!answer.path("status").asText().equals("success")) {
            throw new IllegalStateException(expression + ": " + answer);
        }
        return answer.path("data").path("result");
    }

    JsonNode get(String path) {
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
