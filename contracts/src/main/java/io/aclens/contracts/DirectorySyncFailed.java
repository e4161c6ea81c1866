package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** @param reason what went wrong, never with credentials in it */
public record DirectorySyncFailed(String eventId, String syncId, String clientId, String directoryId, String reason,
                                  Instant failedAt) implements DirectoryEvent {
    public DirectorySyncFailed {
        requireNonNull(eventId, "eventId");
        requireNonNull(syncId, "syncId");
        requireNonNull(clientId, "clientId");
        requireNonNull(directoryId, "directoryId");
        requireNonNull(reason, "reason");
    }
}
