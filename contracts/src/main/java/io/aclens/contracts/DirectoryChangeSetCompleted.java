package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The effective changes a directory snapshot caused (people gaining or losing access through membership or account
 * changes) are stored and published. A directory's first snapshot is a baseline with none. Keyed by client id, on the
 * change-sets topic beside the folder change sets, so a client's alerts follow both in order.
 */
public record DirectoryChangeSetCompleted(String eventId, long directorySnapshotId, Long previousDirectorySnapshotId, String clientId,
                                          String directoryId, long changeCount, boolean baseline, Instant completedAt) implements AclensEvent {
    public DirectoryChangeSetCompleted {
        requireNonNull(eventId, "eventId");
        requireNonNull(clientId, "clientId");
        requireNonNull(directoryId, "directoryId");
        requireNonNull(completedAt, "completedAt");
    }

    public static String eventIdFor(long directorySnapshotId) {
        return "directory-change-set-completed-" + directorySnapshotId;
    }

    @Override
    public String partitionKey() {
        return clientId;
    }
}
