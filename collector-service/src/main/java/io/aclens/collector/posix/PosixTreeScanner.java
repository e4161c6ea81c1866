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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a Linux folder tree ({@link FolderTree}: symbolic links are not followed) and maps each folder's owner, group,
 * mode bits and POSIX ACLs onto the common ACE model. A folder it cannot read or list is reported and the walk goes on.
 */
public final class PosixTreeScanner {
    /**
     * Distinct securities (owner, group, mode, ACLs) whose DACL a scan keeps: most folders of a tree share a few, and
     * the same list for each lets what follows (the scan's DACLs by content, the SIDs seen) skip the work per folder.
     */
    private static final int REMEMBERED_SECURITIES = 50_000;

    private PosixTreeScanner() {
    }

    /**
     * @param maxDepth deepest folder level to read (the root is 0), {@link Integer#MAX_VALUE} for all
     * @param threads  threads walking subtrees at once, 1 for the caller's only
     * @throws IOException when the root itself is not a folder: there is nothing to report then
     */
    public static void scan(Path root, int maxDepth, int threads, CollectionTally tally) throws IOException {
        Map<FolderTree.Security, List<Ace>> dacls = new ConcurrentHashMap<>();
        FolderTree.walk(root, maxDepth, threads, new FolderTree.Visitor() {
            @Override
            public void folder(FolderTree.Folder folder) {
                tally.add(collected(folder, dacls), folder.listError());
            }

            @Override
            public void listingStopped(String path, String reason) {
                tally.error(path, "listing stopped: " + reason);
            }
        });
    }

    private static CollectedFolder collected(FolderTree.Folder folder, Map<FolderTree.Security, List<Ace>> dacls) {
        FolderTree.Security security = folder.security();
        if (security == null) {
            return new CollectedFolder(folder.path(), folder.depth(), null, null, false, List.of(), folder.readError());
        }
        List<Ace> dacl = dacls.get(security);
        if (dacl == null) {
            dacl = List.copyOf(PosixRights.toAces(security.uid(), security.gid(), security.mode(), security.accessAcl(), security.defaultAcl()));
            if (dacls.size() < REMEMBERED_SECURITIES) {
                dacls.putIfAbsent(security, dacl);
            }
        }
        return new CollectedFolder(folder.path(), folder.depth(), WellKnownSids.unixUser(security.uid()),
                WellKnownSids.unixGroup(security.gid()), false, dacl, null);
    }
}
