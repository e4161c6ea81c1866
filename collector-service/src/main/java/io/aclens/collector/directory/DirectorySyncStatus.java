package io.aclens.collector.directory;

import java.time.Instant;

/** What a directory sync did, for the REST API; never carries credentials. */
public record DirectorySyncStatus(String syncId, String name, String clientId, String directoryId, State state, long entries,
                                  Instant startedAt, Instant finishedAt, String error) {
    public enum State {
        RUNNING,
        COMPLETED,
        FAILED
    }
}
