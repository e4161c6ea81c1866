package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.cli.bench.TreeGenerator;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.LagView;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.contracts.api.SubscriptionRequest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances each of the snapshot, diff and report services on one broker and one database, as two replicas run in
 * a deployment: the consumer groups share the partitions, one snapshot instance is killed (SIGKILL) while scans are
 * being staged and the other takes its partitions over — every tree is committed once and whole, and a rescan's changes
 * are what one instance finds — and packages queued at once are mailed exactly once between the two report services.
 */
class ScaleOutEndToEndTest {
    private static final String CLIENT = "scale-client";
    private static final int SOURCES = 4;
    private static final int FOLDERS = 4_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void twoInstancesShareTheWorkSurviveOneKilledMidScanAndDeliverEachPackageOnce(@TempDir Path dir) throws Exception {
        Map<String, Path> trees = new LinkedHashMap<>();
        for (int i = 1; i <= SOURCES; i++) {
            Path root = dir.resolve("tree-" + i);
            TreeGenerator.generate(root, FOLDERS, 0.05, i);
            trees.put("tree-" + i, root);
        }
        try (Stack stack = Stack.start(StackConfig.of(Aclens.home(), dir.resolve("data"), true), System.out::println)) {
            PipelineClient pipeline = new PipelineClient(stack);
            List<String> groups = List.of("aclens-snapshot", "aclens-diff", "aclens-report");
            Map<String, Integer> single = Awaitility.await().atMost(TIMEOUT).until(() -> members(pipeline.lag()),
                    members -> groups.stream().allMatch(group -> members.getOrDefault(group, 0) > 0));
            String snapshotReplica = stack.startReplica("snapshot-service");
            stack.startReplica("diff-service");
            stack.startReplica(Stack.REPORT);
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<String, Integer> both = members(pipeline.lag());
                groups.forEach(group -> assertThat(both.get(group)).as("%s has both instances' consumers, so its partitions are shared", group)
                        .isEqualTo(2 * single.get(group)));
            });

            pipeline.onboard(new ClientRegistration(CLIENT, "Scale-out AG"));
            trees.forEach((name, root) -> pipeline.registerSource(CLIENT, name, new SourceRegistration(CLIENT + ":" + name, null, null,
                    new SourceSettings.LinuxTree(SourceSettings.LINUX, root.toString(), null, null, null))));
            List<String> scans = new ArrayList<>();
            trees.keySet().forEach(name -> scans.addAll(pipeline.startRegisteredScans(CLIENT, name)));
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> scans.stream()
                    .anyMatch(scan -> pipeline.scanAtSnapshotService(scan).map(s -> s.status().equals("STAGING")).orElse(false)));

            stack.kill(snapshotReplica);

            for (String scan : scans) {
                ScanView committed = pipeline.awaitCommitted(scan, TIMEOUT);
                SnapshotView snapshot = pipeline.snapshot(committed.snapshotId());
                assertThat(snapshot.folderCount()).as("%s committed whole, each folder once", snapshot.sourceId()).isEqualTo(FOLDERS);
                assertThat(pipeline.awaitChangeSet(snapshot.snapshotId(), TIMEOUT).baseline()).isTrue();
            }
            trees.keySet().forEach(name -> assertThat(pipeline.snapshots(CLIENT, CLIENT + ":" + name))
                    .as("one snapshot per tree, however the work moved").hasSize(1));
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(members(pipeline.lag()))
                    .as("the killed instance left its group").containsEntry("aclens-snapshot", single.get("aclens-snapshot")));

            Files.createDirectories(trees.get("tree-1").resolve("added after the kill"));
            String rescan = pipeline.startRegisteredScans(CLIENT, "tree-1").get(0);
            long rescanned = pipeline.awaitCommitted(rescan, TIMEOUT).snapshotId();
            assertThat(pipeline.awaitChangeSet(rescanned, TIMEOUT).changeCount()).as("the one folder added, as one instance finds it")
                    .isEqualTo(1);

            List<DeliveryView> queued = new ArrayList<>();
            for (String name : List.of("management", "finance", "it")) {
                queued.add(pipeline.queueDeliveryNow(CLIENT, name, new SubscriptionRequest(List.of(name + "@" + CLIENT + ".example"), List.of(),
                        "en", "Europe/Moscow", "MONTHLY", null, true, List.of(), List.of(), List.of(), List.of())));
            }
            queued.forEach(delivery -> pipeline.awaitSent(CLIENT, delivery.deliveryId(), TIMEOUT));
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (DeliveryView delivery : queued) {
                    assertThat(receivedWith(stack, delivery.messageId())).as("delivery %d mailed by one of the two report services, once",
                            delivery.deliveryId()).isEqualTo(1);
                }
            });
        }
    }

    private static Map<String, Integer> members(LagView lag) {
        Map<String, Integer> members = new LinkedHashMap<>();
        lag.groups().forEach(group -> members.put(group.group(), group.members()));
        return members;
    }

    private static long receivedWith(Stack stack, String messageId) throws Exception {
        long count = 0;
        for (MimeMessage message : stack.smtp().received()) {
            if (messageId.equals(message.getMessageID())) {
                count++;
            }
        }
        return count;
    }
}
