package io.aclens.collector.service;

import io.aclens.collector.client.ScanBaselineClient;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.messaging.Baseline;
import io.aclens.contracts.api.ScanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * What a scan sends its changes against: its source's last snapshot, from the snapshot service. Without one — a first
 * scan, the setting off, the snapshot service unreachable or its answer unusable — the scan sends every folder, which is
 * always right, only slower.
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

    /** The baseline of the scan's source, or null to send every folder. Blocking. */
    public Baseline of(ScanStatus scan) {
        if (!enabled) {
            return null;
        }
        try {
            Baseline baseline = Baseline.of(snapshots.scanBaseline(scan.clientId(), scan.sourceId()).await().atMost(TIMEOUT));
            if (baseline != null) {
                LOG.debugf("Scan %s sends changes against snapshot %d (%d folders)", scan.scanId(), baseline.snapshotId(), baseline.size());
            }
            return baseline;
        } catch (RuntimeException e) {
            LOG.warnf("Scan %s sends every folder: no baseline of %s/%s (%s)", scan.scanId(), scan.clientId(), scan.sourceId(), e.getMessage());
            return null;
        }
    }
}
