package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.cli.bench.TreeGenerator;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector is killed (SIGKILL) while it scans one tree and two more scans wait in its queue: after it is started
 * again, the queued scans run under their own ids, the interrupted one is failed visibly (never committed as a half
 * tree) and its source scanned afresh — every tree ends as one complete snapshot, nothing lost or doubled.
 */
class CollectorRestartEndToEndTest {
    private static final String CLIENT = "restart-client";
    private static final int BIG = 50_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aCollectorKilledMidScanLosesNoQueuedScanAndCommitsNoHalfTree(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big");
        TreeGenerator.generate(big, BIG, 0.05, 7); // BIG folders, the root among them
        Path small1 = Files.createDirectories(dir.resolve("small-1/a/b"));
        Path small2 = Files.createDirectories(dir.resolve("small-2/c"));
        StackConfig config = StackConfig.of(Aclens.home(), dir.resolve("data"), true).withCollectorProperties(Map.of(
                "aclens.collector.parallel-scans", "1", "aclens.collector.scan-lease", "6s"));
        try (Stack stack = Stack.start(config, System.out::println)) {
            PipelineClient pipeline = new PipelineClient(stack);
            pipeline.onboard(new ClientRegistration(CLIENT, "Restart GmbH"));
            for (Map.Entry<String, Path> tree : Map.of("big", big, "small-1", small1.getParent().getParent(), "small-2", small2.getParent()).entrySet()) {
                pipeline.registerSource(CLIENT, tree.getKey(), new SourceRegistration(CLIENT + ":" + tree.getKey(), null, null,
                        new SourceSettings.LinuxTree(SourceSettings.LINUX, tree.getValue().toString(), null, null, null)));
            }
            String interrupted = pipeline.startRegisteredScans(CLIENT, "big").get(0);
            String queued1 = pipeline.startRegisteredScans(CLIENT, "small-1").get(0);
            String queued2 = pipeline.startRegisteredScans(CLIENT, "small-2").get(0);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> collectorState(stack, interrupted).contains("\"RUNNING\""));

            stack.killAndRestart(Stack.COLLECTOR);

            assertThat(pipeline.awaitCommitted(queued1, TIMEOUT).expectedFolders()).as("queued before the kill, run under its id").isEqualTo(3);
            assertThat(pipeline.awaitCommitted(queued2, TIMEOUT).expectedFolders()).isEqualTo(2);
            Awaitility.await().atMost(TIMEOUT).until(() -> collectorState(stack, interrupted).contains("\"FAILED\""));
            assertThat(collectorState(stack, interrupted)).contains("stopped while this scan ran");
            SnapshotView rescanned = pipeline.awaitSnapshot(CLIENT, CLIENT + ":big", TIMEOUT);
            assertThat(rescanned.scanId()).as("the interrupted scan is never committed").isNotEqualTo(interrupted);
            assertThat(rescanned.folderCount()).as("the whole tree, once").isEqualTo(BIG);
            assertThat(pipeline.awaitChangeSet(rescanned.snapshotId(), TIMEOUT).baseline()).as("its first snapshot: nothing revoked").isTrue();
            List<SnapshotView> snapshots = List.of(pipeline.snapshots(CLIENT, CLIENT + ":big"));
            assertThat(snapshots).as("one snapshot of the big tree, not one per attempt").hasSize(1);
        }
    }

    private static String collectorState(Stack stack, String scanId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.url(Stack.COLLECTOR)
                        + "/api/v1/scans/" + scanId)).header("Authorization", "Bearer " + stack.tokens().operatorToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }
}
