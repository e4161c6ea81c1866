package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The collector is still at a scan: sent every minute or so while it runs, with how far it got, so that silence is
 * judged on the collector's clock — a scan is abandoned only when its collector fell silent, never because the snapshot
 * service was slow to read.
 */
public record ScanHeartbeat(String eventId, String scanId, String clientId, String sourceId, long foldersSoFar, Instant at)
        implements ScanEvent {
    public ScanHeartbeat {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(at, "at");
    }
}
