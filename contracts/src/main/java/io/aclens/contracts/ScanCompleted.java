package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.Principal;
import java.time.Instant;
import java.util.List;

/**
 * Closes a scan. Only a completed scan changes a client's state; the snapshot service checks that it holds
 * exactly {@code folderCount} folders before it commits.
 *
 * @param unreadableFolders the folders whose security could not be read (at most the first 1,000)
 * @param principals        principals the scan's ACEs name, with the names the source resolved, beside those its
 *                          {@link ScanPrincipalsCollected} chunks carried (the collector sends them all there)
 * @param server            the share's permissions and the server's own groups, for SMB sources; null otherwise
 */
public record ScanCompleted(String eventId, String scanId, String clientId, String sourceId, long folderCount,
                            long errorCount, List<String> unreadableFolders, List<Principal> principals,
                            long durationMillis, Instant completedAt, SourceServer server) implements ScanEvent {
    public ScanCompleted {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(completedAt, "completedAt");
        unreadableFolders = unreadableFolders == null ? List.of() : List.copyOf(unreadableFolders);
        principals = principals == null ? List.of() : List.copyOf(principals);
    }
}
