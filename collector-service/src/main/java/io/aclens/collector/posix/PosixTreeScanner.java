package io.aclens.collector.posix;

import io.aclens.access.Ace;
import io.aclens.access.PosixRights;
import io.aclens.posix.PosixAclFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a Linux folder tree (symbolic links are not followed) and reads each folder's owner, group, mode
 * bits and POSIX ACLs, mapped onto the common ACE model. A folder it cannot read or list is reported and
 * the walk goes on.
 */
public final class PosixTreeScanner {
    private static final int MAX_LISTED_UNREADABLE = 1000;

    /** One folder as read from disk. {@code readError} is set when its security could not be read. */
    public record ScannedFolder(String path, int depth, String ownerSid, String groupSid, List<Ace> dacl, String readError) {
    }

    /** What the walk saw: folders, errors, the first unreadable folders and every SID the ACEs name. */
    public record Summary(long folders, long errors, List<String> unreadable, Set<String> sids) {
    }

    private PosixTreeScanner() {
    }

    /**
     * @param maxDepth deepest folder level to read (the root is 0), {@link Integer#MAX_VALUE} for all
     * @throws IOException when the root itself cannot be read: there is nothing to report then
     */
    public static Summary scan(Path root, int maxDepth, Consumer<ScannedFolder> sink) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Not a folder: " + root);
        }
        Walk walk = new Walk(root, sink);
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth, walk);
        return new Summary(walk.folders, walk.errors, List.copyOf(walk.unreadable), walk.sids);
    }

    static ScannedFolder read(Path folder, int depth) {
        try {
            Map<String, Object> stat = Files.readAttributes(folder, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
            long uid = ((Number) stat.get("uid")).longValue();
            long gid = ((Number) stat.get("gid")).longValue();
            int mode = ((Number) stat.get("mode")).intValue() & 0777;
            List<Ace> dacl = PosixRights.toAces(uid, gid, mode, PosixAclFiles.readAccess(folder), PosixAclFiles.readDefault(folder));
            return new ScannedFolder(folder.toString(), depth, "S-1-22-1-" + uid, "S-1-22-2-" + gid, dacl, null);
        } catch (IOException | RuntimeException e) {
            return new ScannedFolder(folder.toString(), depth, null, null, List.of(), describe(e));
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static final class Walk implements FileVisitor<Path> {
        private final Path root;
        private final Consumer<ScannedFolder> sink;
        private final List<String> unreadable = new ArrayList<>();
        private final Set<String> sids = new LinkedHashSet<>();
        private long folders;
        private long errors;

        Walk(Path root, Consumer<ScannedFolder> sink) {
            this.root = root;
            this.sink = sink;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            emit(read(dir, depthOf(dir)), null);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // at the depth limit folders arrive here instead of preVisitDirectory
            if (attrs.isDirectory() && !attrs.isSymbolicLink()) {
                emit(read(file, depthOf(file)), null);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                // its own security may still be readable even when its contents cannot be listed
                emit(read(file, depthOf(file)), "cannot list contents: " + describe(exc));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) {
                noteError(dir, "listing stopped: " + describe(exc));
            }
            return FileVisitResult.CONTINUE;
        }

        private void emit(ScannedFolder folder, String listError) {
            folders++;
            if (folder.readError() != null) {
                noteError(Path.of(folder.path()), folder.readError());
            } else if (listError != null) {
                noteError(Path.of(folder.path()), listError);
            }
            if (folder.ownerSid() != null) {
                sids.add(folder.ownerSid());
                sids.add(folder.groupSid());
            }
            folder.dacl().forEach(ace -> sids.add(ace.sid()));
            sink.accept(folder);
        }

        private void noteError(Path path, String reason) {
            errors++;
            if (unreadable.size() < MAX_LISTED_UNREADABLE) {
                unreadable.add(path + " (" + reason + ")");
            }
        }

        private int depthOf(Path dir) {
            return root.relativize(dir).toString().isEmpty() ? 0 : root.relativize(dir).getNameCount();
        }
    }
}
