package io.aclens.access;

import java.util.List;

/**
 * A folder as the matrix needs it. Folders sharing an ACL should share the {@code dacl} instance.
 *
 * @param ownerSid the folder's owner (it holds implicit rights, and full control on POSIX), null when unknown
 * @param nullDacl  the folder has no DACL at all, which Windows reads as "everyone may do anything"; {@code dacl} is
 *                  then that grant, as the collector evaluated it
 */
public record MatrixFolder(String path, int depth, List<Ace> dacl, boolean inheritanceProtected, String readError, String ownerSid,
                           boolean nullDacl) {

    public MatrixFolder(String path, int depth, List<Ace> dacl, boolean inheritanceProtected, String readError, String ownerSid) {
        this(path, depth, dacl, inheritanceProtected, readError, ownerSid, false);
    }

    public MatrixFolder(String path, int depth, List<Ace> dacl, boolean inheritanceProtected, String readError) {
        this(path, depth, dacl, inheritanceProtected, readError, null);
    }
}
