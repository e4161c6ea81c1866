package io.aclens.console.web;

import io.aclens.contracts.api.FindingSummaryView;
import io.aclens.contracts.api.FindingView;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SubscriptionView;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client as the clients page lists it: its sources' latest scans, how fresh they are, its open findings by severity.
 *
 * @param latestScans each source's latest scan, by source id
 */
public record ClientSummary(String clientId, String name, Map<String, ScanView> latestScans, long high, long medium, long low,
                            Instant nextDelivery) {
    /** A monthly check is late after this long. */
    static final Duration FRESH = Duration.ofDays(35);

    /** @param findings the client's findings by severity as the report service last counted them, or null before its first scan */
    static ClientSummary of(String clientId, String name, List<ScanView> scans, FindingSummaryView findings) {
        Map<String, ScanView> latest = new LinkedHashMap<>();
        scans.stream().sorted(Comparator.comparing(ScanView::startedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(scan -> latest.putIfAbsent(scan.sourceId(), scan));
        return findings == null ? new ClientSummary(clientId, name, latest, 0, 0, 0, null)
                : new ClientSummary(clientId, name, latest, findings.high(), findings.medium(), findings.low(), null);
    }

    /** The counts of a list of findings read in full (the client's own page reads them all anyway). */
    static FindingSummaryView counted(String clientId, List<FindingView> findings) {
        return new FindingSummaryView(clientId, count(findings, "HIGH"), count(findings, "MEDIUM"), count(findings, "LOW"), Instant.now());
    }

    private static int count(List<FindingView> findings, String severity) {
        return (int) findings.stream().filter(f -> severity.equals(f.severity())).count();
    }

    /** The same client, with when its next package goes out (the earliest of its subscriptions), or null for none. */
    ClientSummary withNextDelivery(List<SubscriptionView> subscriptions) {
        Instant next = subscriptions.stream().map(SubscriptionView::nextDeliveryAt).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        return new ClientSummary(clientId, name, latestScans, high, medium, low, next);
    }

    public Collection<ScanView> sources() {
        return latestScans.values();
    }

    /** When the last of its scans ended, or null before the first. */
    public Instant lastScan() {
        return latestScans.values().stream().map(s -> s.completedAt() == null ? s.startedAt() : s.completedAt())
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    public String lastStatus() {
        return latestScans.values().stream().max(Comparator.comparing(ScanView::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(ScanView::status).orElse(null);
    }

    public boolean stale() {
        Instant last = lastScan();
        return last != null && last.isBefore(Instant.now().minus(FRESH));
    }

    public long folders() {
        return latestScans.values().stream().mapToLong(s -> s.expectedFolders() == null ? 0 : s.expectedFolders()).sum();
    }

    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        return clientId.toLowerCase(java.util.Locale.ROOT).contains(q) || name.toLowerCase(java.util.Locale.ROOT).contains(q);
    }

    /** By name, by findings (most severe first) or by last scan (the most neglected first). */
    static Comparator<ClientSummary> order(String sort) {
        Comparator<ClientSummary> byName = Comparator.comparing(c -> c.name().toLowerCase(java.util.Locale.ROOT));
        return switch (sort == null ? "name" : sort) {
            case "findings" -> Comparator.comparingLong(ClientSummary::high).thenComparingLong(ClientSummary::medium)
                    .thenComparingLong(ClientSummary::low).reversed().thenComparing(byName);
            case "scan" -> Comparator.comparing(ClientSummary::lastScan, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(byName);
            default -> byName;
        };
    }
}
