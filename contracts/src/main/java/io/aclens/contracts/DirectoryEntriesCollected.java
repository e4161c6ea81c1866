package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.directory.DirectoryEntry;
import java.util.List;

/**
 * A chunk of a directory's users and groups (a few hundred a chunk keeps records far below Kafka's size
 * limit whatever the directory's size).
 *
 * @param chunk position of the chunk in the sync, from 1
 */
public record DirectoryEntriesCollected(String eventId, String syncId, String clientId, String directoryId, int chunk,
                                        List<DirectoryEntry> entries) implements DirectoryEvent {
    public DirectoryEntriesCollected {
        requireNonNull(eventId, "eventId");
        requireNonNull(syncId, "syncId");
        requireNonNull(clientId, "clientId");
        requireNonNull(directoryId, "directoryId");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
