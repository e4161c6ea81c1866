package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.Principal;
import java.time.Instant;
import java.util.List;

/**
 * Closes a scan. Only a completed scan changes a client's state; the snapshot service checks that it holds
 * exactly the folders sent ({@link #sentFolders()}) and the removals announced before it commits.
 *
 * @param unreadableFolders the folders whose security could not be read (at most the first 1,000)
 * @param principals        principals the scan's ACEs name, with the names the source resolved, beside those its
 *                          {@link ScanPrincipalsCollected} chunks carried (the collector sends them all there)
 * @param server            the share's permissions and the server's own groups, for SMB sources; null otherwise
 * @param baselineSnapshotId for a rescan that sent only what changed, the snapshot it compared with: it commits only
 *                           while that is still its source's latest; null for a whole scan
 * @param unchangedFolders  folders of {@code folderCount} not sent, being in the baseline as they are
 * @param removedFolders    the baseline's folders not found as they were (gone, or changed), by fingerprint in the scan's
 *                          {@link FoldersScanned#removed()}
 */
public record ScanCompleted(String eventId, String scanId, String clientId, String sourceId, long folderCount,
                            long errorCount, List<String> unreadableFolders, List<Principal> principals,
                            long durationMillis, Instant completedAt, SourceServer server, Long baselineSnapshotId,
                            long unchangedFolders, long removedFolders) implements ScanEvent {
    public ScanCompleted {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(completedAt, "completedAt");
        unreadableFolders = unreadableFolders == null ? List.of() : List.copyOf(unreadableFolders);
        principals = principals == null ? List.of() : List.copyOf(principals);
        if (baselineSnapshotId == null && (unchangedFolders != 0 || removedFolders != 0)) {
            throw new IllegalArgumentException("only a scan against a baseline leaves folders unsent");
        }
    }

    /** The folders the scan sent in its batches: the snapshot service holds exactly these before it commits. */
    public long sentFolders() {
        return folderCount - unchangedFolders;
    }
}
