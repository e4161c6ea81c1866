package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A completed scan became the source's current state. Keyed by client id so that a client's folder and
 * directory snapshots are diffed in the order they were committed.
 *
 * @param previousSnapshotId the source's snapshot before this one, {@code null} for the first
 */
public record SnapshotCommitted(String eventId, long snapshotId, Long previousSnapshotId, String scanId,
                                String clientId, String sourceId, String root, long folderCount,
                                Instant scanCompletedAt, Instant committedAt) implements AclensEvent {
    public SnapshotCommitted {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(committedAt, "committedAt");
    }

    public static String eventIdFor(long snapshotId) {
        return "snapshot-committed-" + snapshotId;
    }

    @Override
    public String partitionKey() {
        return clientId;
    }
}
