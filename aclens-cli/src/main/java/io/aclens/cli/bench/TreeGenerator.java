package io.aclens.cli.bench;

import io.aclens.access.PosixAcl;
import io.aclens.posix.PosixAclFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a folder tree of a given size, breadth first with a fixed fan-out, where a share of the folders
 * carry an extended POSIX ACL (named users and groups, half of them with a default ACL too).
 */
public final class TreeGenerator {
    private static final int FAN_OUT = 12;
    private static final int USERS = 200;
    private static final int GROUPS = 40;

    private TreeGenerator() {
    }

    /** Creates {@code folders} folders under {@code root} (root included); returns how many got an ACL. */
    public static int generate(Path root, int folders, double aclRatio, long seed) throws IOException {
        return generate(root, folders, aclRatio, seed, null);
    }

    /**
     * The same, the ACLs drawn from {@code pool} (a client's few distinct ACLs; null: random named entries).
     */
    public static int generate(Path root, int folders, double aclRatio, long seed, List<PosixAcl> pool) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Files.createDirectories(root);
        Deque<Path> parents = new ArrayDeque<>();
        parents.add(root);
        int created = 1;
        int withAcl = 0;
        while (created < folders) {
            Path parent = parents.poll();
            for (int i = 0; i < FAN_OUT && created < folders; i++) {
                Path child = Files.createDirectory(parent.resolve("folder-" + created));
                created++;
                parents.add(child);
                if (random.nextDouble() < aclRatio) {
                    withAcl++;
                    PosixAclFiles.writeAccess(child, pool == null ? randomAcl(random) : pool.get(random.nextInt(pool.size())));
                    if (random.nextBoolean()) {
                        PosixAclFiles.writeDefault(child, pool == null ? randomAcl(random) : pool.get(random.nextInt(pool.size())));
                    }
                }
            }
        }
        return withAcl;
    }

    private static PosixAcl randomAcl(SplittableRandom random) {
        String[] perms = {"r-x", "rwx", "r--"};
        return PosixAcl.parseText("u::rwx,g::r-x"
                + ",u:" + (30000 + random.nextInt(USERS)) + ":" + perms[random.nextInt(perms.length)]
                + ",g:" + (31000 + random.nextInt(GROUPS)) + ":" + perms[random.nextInt(perms.length)]
                + ",m::rwx,o::---");
    }
}
