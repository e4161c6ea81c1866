package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** @param kind "active-directory", "ldap" or "local" */
public record DirectorySyncStarted(String eventId, String syncId, String clientId, String directoryId, String kind,
                                   Instant startedAt) implements DirectoryEvent {
    public DirectorySyncStarted {
        requireNonNull(eventId, "eventId");
        requireNonNull(syncId, "syncId");
        requireNonNull(clientId, "clientId");
        requireNonNull(directoryId, "directoryId");
        requireNonNull(startedAt, "startedAt");
    }
}
