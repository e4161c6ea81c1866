package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record ScanStarted(String eventId, String scanId, String clientId, String sourceId, SourceKind sourceKind,
                          String root, Instant startedAt) implements ScanEvent {
    public ScanStarted {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(root, "root");
        requireNonNull(startedAt, "startedAt");
    }
}
