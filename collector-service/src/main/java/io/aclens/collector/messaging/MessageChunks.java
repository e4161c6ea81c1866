package io.aclens.collector.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aclens.contracts.EventCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list published in pieces — a directory's entries, the principals a scan names — into chunks of at most
 * {@code maxItems} items and at most {@code maxBytes} of the items' JSON, so each event stays below Kafka's message limit
 * (1 MiB by default) however large the items are (a user in 80 groups is about 4 KB of JSON).
 */
public final class MessageChunks {
    /** Items' JSON per chunk: half of Kafka's default 1 MiB message limit, room for the envelope and headers. */
    public static final int MAX_BYTES = 512 * 1024;

    private MessageChunks() {
    }

    public static <T> List<List<T>> split(List<T> items, int maxItems, int maxBytes) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> chunk = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            int size = jsonSize(item);
            if (!chunk.isEmpty() && (chunk.size() == maxItems || bytes + size > maxBytes)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(item);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static int jsonSize(Object item) {
        try {
            return EventCodec.mapper().writeValueAsBytes(item).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An item that cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
