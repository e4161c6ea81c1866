package io.aclens.contracts.api;

import java.time.Instant;

/** The collector's own view of a scan it ran (the snapshot service decides what the scan means). */
public record ScanStatus(String scanId, String clientId, String sourceId, String root, State state, long folders,
                         long errors, Instant startedAt, Instant finishedAt, String failure) {
    public enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }
}
