package io.aclens.contracts.api;

import java.time.Instant;

/** A committed snapshot of one source, as the snapshot service's REST API returns it. */
public record SnapshotView(long snapshotId, String clientId, String sourceId, String scanId, String root,
                           Long previousSnapshotId, long folderCount, long errorCount, Instant scanCompletedAt,
                           Instant committedAt) {
}
