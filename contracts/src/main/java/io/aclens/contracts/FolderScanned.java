package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.Ace;
import java.util.List;

/**
 * One folder as the collector read it, with its whole DACL: what collectors sent before {@link FoldersScanned}; still
 * accepted, so that events in flight across an upgrade are staged.
 *
 * @param sequence  position of the folder in the scan, from 1; the scan's event id is derived from it
 * @param depth     0 for the scan root
 * @param readError why the folder's security could not be read (the scan goes on); {@code dacl} is then empty
 * @param sddl      the security descriptor as the server gave it (owner, group, control flags such as AI, DACL),
 *                  for NT sources; {@code null} for POSIX trees
 * @param listError why the folder's contents could not be listed, else {@code null}: its sub-folders are then missing
 *                  from the scan without having gone, and keep their last known state
 */
public record FolderScanned(String eventId, String scanId, String clientId, String sourceId, long sequence,
                            String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                            List<Ace> dacl, String readError, String sddl, String listError) implements ScanEvent {
    public FolderScanned {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(path, "path");
        dacl = dacl == null ? List.of() : List.copyOf(dacl);
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative");
        }
    }

    /** A folder whose contents were listed. */
    public FolderScanned(String eventId, String scanId, String clientId, String sourceId, long sequence, String path, int depth,
                         String ownerSid, String groupSid, boolean inheritanceProtected, List<Ace> dacl, String readError, String sddl) {
        this(eventId, scanId, clientId, sourceId, sequence, path, depth, ownerSid, groupSid, inheritanceProtected, dacl, readError, sddl, null);
    }
}
