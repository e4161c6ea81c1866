package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Every chunk was acknowledged by the broker; the snapshot service checks both counts before committing. */
public record DirectorySyncCompleted(String eventId, String syncId, String clientId, String directoryId, long entryCount,
                                     int chunkCount, Instant completedAt) implements DirectoryEvent {
    public DirectorySyncCompleted {
        requireNonNull(eventId, "eventId");
        requireNonNull(syncId, "syncId");
        requireNonNull(clientId, "clientId");
        requireNonNull(directoryId, "directoryId");
        requireNonNull(completedAt, "completedAt");
    }
}
