package io.aclens.contracts.api;

import io.aclens.access.Ace;
import io.aclens.access.FolderState;
import java.util.List;

/**
 * One folder of a snapshot with its DACL.
 *
 * @param sddl the security descriptor as read (owner, group, control flags, ACEs in order) for NT sources, else null
 */
public record FolderView(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                         String aclHash, List<Ace> dacl, String readError, String sddl) {

    public FolderState toState() {
        return new FolderState(path, ownerSid, inheritanceProtected, dacl, readError);
    }
}
