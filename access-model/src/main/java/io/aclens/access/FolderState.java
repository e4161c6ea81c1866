package io.aclens.access;

import java.util.List;
import java.util.Objects;

/**
 * What a snapshot knows of one folder.
 *
 * @param inheritanceProtected true when the folder does not inherit from its parent (inheritance broken)
 * @param readError            why the collector could not read the folder's security, else {@code null}
 */
public record FolderState(String path, String ownerSid, boolean inheritanceProtected, List<Ace> dacl, String readError) {

    public FolderState {
        Objects.requireNonNull(path, "path");
        dacl = List.copyOf(dacl);
    }

    public boolean readable() {
        return readError == null;
    }
}
