package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.Ace;
import java.util.List;

/**
 * One folder as the collector read it.
 *
 * @param sequence  position of the folder in the scan, from 1; the scan's event id is derived from it
 * @param depth     0 for the scan root
 * @param readError why the folder's security could not be read (the scan goes on); {@code dacl} is then empty
 * @param sddl      the security descriptor as the server gave it (owner, group, control flags such as AI, DACL),
 *                  for NT sources; {@code null} for POSIX trees
 */
public record FolderScanned(String eventId, String scanId, String clientId, String sourceId, long sequence,
                            String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                            List<Ace> dacl, String readError, String sddl) implements ScanEvent {
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
}
