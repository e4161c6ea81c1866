package io.aclens.contracts.api;

import java.time.Instant;
import java.util.List;

/**
 * A scan as the snapshot service saw it: staging, committed, or why it changed nothing.
 *
 * @param baselineSnapshotId for a rescan that sent only what changed, the snapshot it compared with; else null
 * @param unchangedFolders   folders of {@code expectedFolders} found in that snapshot as they were, so not sent
 */
public record ScanView(String scanId, String clientId, String sourceId, String root, String status, Instant startedAt,
                       Instant completedAt, Long expectedFolders, Long errorCount, List<String> unreadable,
                       Long durationMs, String reason, Long snapshotId, Long baselineSnapshotId, Long unchangedFolders) {

    /** The folders the collector sent: those it found less the unchanged ones; null while the scan has not completed. */
    public Long sentFolders() {
        return expectedFolders == null ? null : expectedFolders - (unchangedFolders == null ? 0 : unchangedFolders);
    }
}
