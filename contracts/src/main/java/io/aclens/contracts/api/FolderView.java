package io.aclens.contracts.api;

import io.aclens.access.Ace;
import io.aclens.access.FolderState;
import java.util.List;

/** One folder of a snapshot with its DACL. */
public record FolderView(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                         String aclHash, List<Ace> dacl, String readError) {

    public FolderState toState() {
        return new FolderState(path, ownerSid, inheritanceProtected, dacl, readError);
    }
}
