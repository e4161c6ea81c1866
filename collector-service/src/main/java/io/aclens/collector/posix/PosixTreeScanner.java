package io.aclens.collector.posix;

import io.aclens.access.Ace;
import io.aclens.access.PosixRights;
import io.aclens.access.WellKnownSids;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.collector.service.CollectionTally;
import io.aclens.posix.FolderTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Walks a Linux folder tree ({@link FolderTree}: symbolic links are not followed) and maps each folder's owner, group,
 * mode bits and POSIX ACLs onto the common ACE model. A folder it cannot read or list is reported and the walk goes on.
 */
public final class PosixTreeScanner {

    private PosixTreeScanner() {
    }

    /**
     * @param maxDepth deepest folder level to read (the root is 0), {@link Integer#MAX_VALUE} for all
     * @param threads  threads walking subtrees at once, 1 for the caller's only
     * @throws IOException when the root itself is not a folder: there is nothing to report then
     */
    public static void scan(Path root, int maxDepth, int threads, CollectionTally tally) throws IOException {
        FolderTree.walk(root, maxDepth, threads, new FolderTree.Visitor() {
            @Override
            public void folder(FolderTree.Folder folder) {
                tally.add(collected(folder), folder.listError());
            }

            @Override
            public void listingStopped(String path, String reason) {
                tally.error(path, "listing stopped: " + reason);
            }
        });
    }

    private static CollectedFolder collected(FolderTree.Folder folder) {
        FolderTree.Security security = folder.security();
        if (security == null) {
            return new CollectedFolder(folder.path(), folder.depth(), null, null, false, List.of(), folder.readError());
        }
        List<Ace> dacl = PosixRights.toAces(security.uid(), security.gid(), security.mode(), security.accessAcl(), security.defaultAcl());
        return new CollectedFolder(folder.path(), folder.depth(), WellKnownSids.unixUser(security.uid()),
                WellKnownSids.unixGroup(security.gid()), false, dacl, null);
    }
}
