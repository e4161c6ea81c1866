package io.aclens.collector.posix;

import io.aclens.access.Ace;
import io.aclens.access.PosixRights;
import io.aclens.access.WellKnownSids;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.collector.service.CollectionTally;
import io.aclens.posix.PosixAclFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Walks a Linux folder tree (symbolic links are not followed) and reads each folder's owner, group, mode
 * bits and POSIX ACLs, mapped onto the common ACE model. A folder it cannot read or list is reported and
 * the walk goes on.
 */
public final class PosixTreeScanner {

    private PosixTreeScanner() {
    }

    /**
     * @param maxDepth deepest folder level to read (the root is 0), {@link Integer#MAX_VALUE} for all
     * @throws IOException when the root itself cannot be read: there is nothing to report then
     */
    public static void scan(Path root, int maxDepth, CollectionTally tally) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Not a folder: " + root);
        }
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth, new Walk(root, tally));
    }

    static CollectedFolder read(Path folder, int depth) {
        try {
            Map<String, Object> stat = Files.readAttributes(folder, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
            long uid = ((Number) stat.get("uid")).longValue();
            long gid = ((Number) stat.get("gid")).longValue();
            int mode = ((Number) stat.get("mode")).intValue() & 0777;
            List<Ace> dacl = PosixRights.toAces(uid, gid, mode, PosixAclFiles.readAccess(folder), PosixAclFiles.readDefault(folder));
            return new CollectedFolder(PosixNames.display(folder), depth, WellKnownSids.unixUser(uid), WellKnownSids.unixGroup(gid), false, dacl, null);
        } catch (IOException | RuntimeException e) {
            return new CollectedFolder(PosixNames.display(folder), depth, null, null, false, List.of(), describe(e));
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static final class Walk implements FileVisitor<Path> {
        private final Path root;
        private final CollectionTally tally;

        Walk(Path root, CollectionTally tally) {
            this.root = root;
            this.tally = tally;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            tally.add(read(dir, depthOf(dir)), null);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // at the depth limit folders arrive here instead of preVisitDirectory
            if (attrs.isDirectory() && !attrs.isSymbolicLink()) {
                tally.add(read(file, depthOf(file)), null);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                // its own security may still be readable even when its contents cannot be listed
                tally.add(read(file, depthOf(file)), "cannot list contents: " + describe(exc));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) {
                tally.error(PosixNames.display(dir), "listing stopped: " + describe(exc));
            }
            return FileVisitResult.CONTINUE;
        }

        private int depthOf(Path dir) {
            Path relative = root.relativize(dir);
            return relative.toString().isEmpty() ? 0 : relative.getNameCount();
        }
    }
}
