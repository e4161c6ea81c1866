package io.aclens.contracts.api;

import java.time.Instant;

/** The changes one snapshot brought; a source's first snapshot is a baseline without changes. */
public record ChangeSetView(long snapshotId, Long previousSnapshotId, String clientId, String sourceId, long changeCount,
                            boolean baseline, Instant scanCompletedAt, Instant computedAt) {
}
