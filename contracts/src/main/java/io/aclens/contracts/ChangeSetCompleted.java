package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * All changes of one snapshot are stored and published. A source's first snapshot is a baseline with no
 * changes. Keyed by client id.
 */
public record ChangeSetCompleted(String eventId, long snapshotId, Long previousSnapshotId, String clientId,
                                 String sourceId, long changeCount, boolean baseline, Instant scanCompletedAt,
                                 Instant completedAt) implements AclensEvent {
    public ChangeSetCompleted {
        requireNonNull(eventId, "eventId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(completedAt, "completedAt");
    }

    public static String eventIdFor(long snapshotId) {
        return "change-set-completed-" + snapshotId;
    }

    @Override
    public String partitionKey() {
        return clientId;
    }
}
