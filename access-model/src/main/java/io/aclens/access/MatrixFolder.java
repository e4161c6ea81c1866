package io.aclens.access;

import java.util.List;

/** A folder as the matrix needs it. Folders sharing an ACL should share the {@code dacl} instance. */
public record MatrixFolder(String path, int depth, List<Ace> dacl, boolean inheritanceProtected, String readError) {
}
