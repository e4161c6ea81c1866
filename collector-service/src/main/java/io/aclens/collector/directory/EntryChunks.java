package io.aclens.collector.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.EventCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a directory into the chunks a sync publishes: at most {@code maxEntries} entries and at most {@code maxBytes} of
 * entries' JSON each, so a chunk stays below Kafka's message limit (1 MiB by default) however many groups people are in
 * (a user in 80 groups is about 4 KB of JSON; 250 of them would be near the limit).
 */
final class EntryChunks {
    private EntryChunks() {
    }

    static List<List<DirectoryEntry>> split(List<DirectoryEntry> entries, int maxEntries, int maxBytes) {
        List<List<DirectoryEntry>> chunks = new ArrayList<>();
        List<DirectoryEntry> chunk = new ArrayList<>();
        long bytes = 0;
        for (DirectoryEntry entry : entries) {
            int size = jsonSize(entry);
            if (!chunk.isEmpty() && (chunk.size() == maxEntries || bytes + size > maxBytes)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(entry);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static int jsonSize(DirectoryEntry entry) {
        try {
            return EventCodec.mapper().writeValueAsBytes(entry).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A directory entry that cannot be written as JSON: " + entry.sid(), e);
        }
    }
}
