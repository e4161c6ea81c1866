package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The collector gave up on a scan; what was staged for it is dropped and state stays as it was. */
public record ScanFailed(String eventId, String scanId, String clientId, String sourceId, String reason,
                         Instant failedAt) implements ScanEvent {
    public ScanFailed {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(reason, "reason");
    }
}
