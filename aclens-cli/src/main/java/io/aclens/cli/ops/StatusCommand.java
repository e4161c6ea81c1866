package io.aclens.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.aclens.contracts.api.ClientView;
import io.aclens.contracts.api.DeliveryReadApi;
import io.aclens.contracts.api.LagView;
import io.aclens.contracts.api.SourceView;
import io.aclens.contracts.api.SubscriptionView;
import io.aclens.contracts.api.SnapshotReadApi;
import io.aclens.contracts.api.SnapshotView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What operations look at first: how far behind each consumer group is, what waits in the dead letters, which scans run. */
@Command(name = "status", mixinStandardHelpOptions = true, description = {
        "Prints each consumer group's lag (records and seconds, from the broker), the dead letters, the scans in progress with",
        "their pace and progress, each client's sources with their last snapshot and schedule, and the packages due next.",
        "  ./aclens status        with ACLENS_API_URL and an msp-operator ACLENS_TOKEN"})
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    AclensApi api = new AclensApi();

    @Override
    public Integer call() {
        return Outcome.of(() -> {
            LagView lag = api.get("/api/v1/ops/lag?fresh=true", LagView.class);
            System.out.printf(Locale.ROOT, "%-20s %-22s %8s %14s %10s%n", "CONSUMER GROUP", "STATE", "MEMBERS", "LAG (RECORDS)", "LAG (S)");
            for (LagView.Group group : lag.groups()) {
                System.out.printf(Locale.ROOT, "%-20s %-22s %8d %14d %10.1f%s%n", group.group(), group.state(), group.members(), group.lagRecords(),
                        group.lagSeconds(), group.members() == 0 && group.lagRecords() > 0 ? "   ← nobody is consuming" : "");
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-32s %8s %s%n", "DEAD-LETTER TOPIC", "RECORDS", "NEWEST");
            for (LagView.DeadLetters dead : lag.deadLetters()) {
                System.out.printf(Locale.ROOT, "%-32s %8d %s%n", dead.topic(), dead.records(), dead.newestAgeSeconds() == null ? "-"
                        : ago(dead.newestAgeSeconds()) + " (./aclens dlq list)");
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-38s %-12s %-24s %-9s %9s %9s  %s%n", "SCAN", "CLIENT", "SOURCE", "STATE", "FOLDERS", "PER S",
                    "PROGRESS (against the source's last snapshot)");
            SnapshotReadApi snapshots = api.typed(SnapshotReadApi.class);
            Instant now = Instant.now();
            int shown = 0;
            for (JsonNode scan : api.get("/api/v1/scans", JsonNode.class)) {
                String state = scan.path("state").asText();
                if (state.equals("RUNNING") || state.equals("QUEUED")) {
                    String clientId = scan.path("clientId").asText();
                    String sourceId = scan.path("sourceId").asText();
                    long folders = scan.path("folders").asLong();
                    Instant started = scan.path("startedAt").isTextual() ? Instant.parse(scan.path("startedAt").asText()) : null;
                    ScanProgress progress = ScanProgress.of(folders, started, now, lastFolderCount(snapshots, clientId, sourceId));
                    System.out.printf(Locale.ROOT, "%-38s %-12s %-24s %-9s %9d %9s  %s%n", scan.path("scanId").asText(), clientId, sourceId, state,
                            folders, progress.rateText(), progress.barText());
                    shown++;
                }
            }
            if (shown == 0) {
                System.out.println("(no scan queued or running on this collector)");
            }
            try {
                clients(snapshots, now);
            } catch (AclensApi.ApiException | AclensApi.UncheckedApiException e) {
                // status is what operators run when something is down: say what could not be read, keep what could
                System.out.println();
                System.out.println("(sources and packages not shown: " + e.getMessage() + ")");
            }
        });
    }

    /** The folder count of the source's last snapshot; null for a first scan, or while the snapshot service does not answer. */
    private static Long lastFolderCount(SnapshotReadApi snapshots, String clientId, String sourceId) {
        try {
            List<SnapshotView> previous = snapshots.snapshots(clientId, sourceId, null).await().indefinitely();
            return previous.isEmpty() ? null : previous.get(0).folderCount();
        } catch (AclensApi.UncheckedApiException e) {
            return null;
        }
    }

    /** Each client's sources with their last snapshot and schedule, and the packages due next. */
    private void clients(SnapshotReadApi snapshots, Instant now) throws AclensApi.ApiException {
        List<ClientView> clients = List.of(api.get("/api/v1/clients", ClientView[].class));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %-26s %9s  %s%n", "CLIENT / SOURCE", "LAST SNAPSHOT", "FOLDERS", "SCHEDULE (cron)");
        List<SubscriptionView> packages = new ArrayList<>();
        for (ClientView client : clients) {
            String path = "/api/v1/clients/" + AclensApi.segment(client.clientId());
            Map<String, SnapshotView> latest = new LinkedHashMap<>();
            snapshots.snapshots(client.clientId(), null, null).await().indefinitely().forEach(s -> latest.putIfAbsent(s.sourceId(), s));
            for (SourceView source : api.get(path + "/sources", SourceView[].class)) {
                SnapshotView last = latest.get(source.sourceId());
                System.out.printf(Locale.ROOT, "%-40s %-26s %9s  %s%n", client.clientId() + " / " + source.name(),
                        last == null ? "never" : ago(Duration.between(last.scanCompletedAt() != null ? last.scanCompletedAt() : last.committedAt(), now)
                                .toSeconds()),
                        last == null ? "-" : String.valueOf(last.folderCount()), source.cron() == null ? "on demand" : source.cron());
            }
            packages.addAll(api.typed(DeliveryReadApi.class).subscriptions(client.clientId()).await().indefinitely());
        }
        if (clients.isEmpty()) {
            System.out.println("(no client onboarded: ./aclens client add)");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %-22s %s%n", "NEXT PACKAGE (client / subscription)", "DUE", "TO");
        packages.stream().filter(p -> p.nextDeliveryAt() != null).sorted(java.util.Comparator.comparing(SubscriptionView::nextDeliveryAt))
                .forEach(p -> System.out.printf(Locale.ROOT, "%-40s %-22s %s%n", p.clientId() + " / " + p.name(), p.nextDeliveryAt(),
                        String.join(", ", p.to())));
        if (packages.isEmpty()) {
            System.out.println("(no subscription: ./aclens subscription add)");
        }
    }

    private static String ago(double seconds) {
        Duration age = Duration.ofSeconds((long) seconds);
        return age.toHours() > 0 ? age.toHours() + " h ago" : age.toMinutes() > 0 ? age.toMinutes() + " min ago" : age.toSeconds() + " s ago";
    }
}
