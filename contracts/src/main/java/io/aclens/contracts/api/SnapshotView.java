package io.aclens.contracts.api;

import io.aclens.contracts.SourceServer;
import java.time.Instant;

/**
 * A committed snapshot of one source, as the snapshot service's REST API returns it.
 *
 * @param server the share's permissions and the server's own groups as the scan read them; null when not applicable
 */
public record SnapshotView(long snapshotId, String clientId, String sourceId, String scanId, String root,
                           Long previousSnapshotId, long folderCount, long errorCount, Instant scanCompletedAt,
                           Instant committedAt, SourceServer server) {

    public SnapshotView(long snapshotId, String clientId, String sourceId, String scanId, String root, Long previousSnapshotId,
                        long folderCount, long errorCount, Instant scanCompletedAt, Instant committedAt) {
        this(snapshotId, clientId, sourceId, scanId, root, previousSnapshotId, folderCount, errorCount, scanCompletedAt, committedAt, null);
    }
}
