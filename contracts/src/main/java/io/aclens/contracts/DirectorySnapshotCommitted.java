package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A completed directory sync became the directory's current state. Keyed by client id, as folder snapshots
 * are, so a client's folder and directory changes are diffed in the order they were committed.
 */
public record DirectorySnapshotCommitted(String eventId, long directorySnapshotId, Long previousDirectorySnapshotId, String syncId,
                                         String clientId, String directoryId, long entryCount, Instant committedAt) implements AclensEvent {
    public DirectorySnapshotCommitted {
        requireNonNull(eventId, "eventId");
        requireNonNull(syncId, "syncId");
        requireNonNull(clientId, "clientId");
        requireNonNull(directoryId, "directoryId");
        requireNonNull(committedAt, "committedAt");
    }

    public static String eventIdFor(long directorySnapshotId) {
        return "directory-snapshot-committed-" + directorySnapshotId;
    }

    @Override
    public String partitionKey() {
        return clientId;
    }
}
