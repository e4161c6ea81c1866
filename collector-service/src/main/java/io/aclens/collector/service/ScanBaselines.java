package io.aclens.collector.service;

import io.aclens.collector.client.ScanBaselineClient;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.messaging.Baseline;
import io.aclens.contracts.api.ScanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * What a scan sends its changes against: its source's last snapshot, from the snapshot service, fetched while the scan
 * reads its first folders. Without one — a first scan, the setting off, the snapshot service unreachable or its answer
 * unusable — the scan sends every folder, which is always right, only slower.
 */
@ApplicationScoped
public class ScanBaselines {
    private static final Logger LOG = Logger.getLogger(ScanBaselines.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ScanBaselineClient snapshots;
    private final boolean enabled;

    public ScanBaselines(@RestClient ScanBaselineClient snapshots, CollectorConfig config) {
        this.snapshots = snapshots;
        this.enabled = config.sendOnlyChanges();
    }

    /**
     * Asks for the baseline of the scan's source without waiting for it: the future's value is the baseline, or null to
     * send every folder; it never fails.
     */
    public CompletableFuture<Baseline> fetch(ScanStatus scan) {
        if (!enabled) {
            return CompletableFuture.completedFuture(null);
        }
        return snapshots.scanBaseline(scan.clientId(), scan.sourceId())
                .ifNoItem().after(TIMEOUT).fail()
                .map(Baseline::of)
                .invoke(baseline -> {
                    if (baseline != null) {
                        LOG.debugf("Scan %s sends changes against snapshot %d (%d folders)", scan.scanId(), baseline.snapshotId(), baseline.size());
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Scan %s sends every folder: no baseline of %s/%s (%s)", scan.scanId(), scan.clientId(), scan.sourceId(), e.getMessage());
                    return null;
                })
                .subscribeAsCompletionStage();
    }
}
