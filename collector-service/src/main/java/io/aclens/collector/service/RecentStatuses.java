package io.aclens.collector.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest statuses of recent runs (scans, directory syncs) by id, the oldest forgotten beyond a bound. Thread-safe. */
public final class RecentStatuses<T> {
    private final int kept;
    private final Map<String, T> statuses = new LinkedHashMap<>();

    public RecentStatuses(int kept) {
        this.kept = kept;
    }

    public synchronized void put(String id, T status) {
        statuses.put(id, status);
        if (statuses.size() > kept) {
            statuses.remove(statuses.keySet().iterator().next());
        }
    }

    public synchronized Optional<T> get(String id) {
        return Optional.ofNullable(statuses.get(id));
    }

    /** Newest first. */
    public synchronized List<T> recent() {
        List<T> all = new ArrayList<>(statuses.values());
        Collections.reverse(all);
        return all;
    }
}
