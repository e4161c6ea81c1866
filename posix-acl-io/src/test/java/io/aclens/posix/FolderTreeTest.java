package io.aclens.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.aclens.access.PosixAcl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {
    private static final int NOBODY = 65534;

    static {
        Native.register(FolderTreeTest.class, Platform.C_LIBRARY_NAME);
    }

    /** Changes the calling thread's file-system uid only: permission checks then apply to it, even for root. */
    private static native int setfsuid(int fsuid);

    @Test
    void everyFolderIsReportedOnceWithItsOwnerModeAndAclsAndNothingElse(@TempDir Path root) throws IOException {
        Path finance = Files.createDirectories(root.resolve("Finance/2026 Q1"));
        Files.createDirectories(root.resolve("Marketing"));
        Files.writeString(root.resolve("Finance/budget.xlsx"), "a file, not a folder");
        Files.createSymbolicLink(root.resolve("link to Finance"), root.resolve("Finance"));
        PosixAcl access = PosixAcl.parseText("u::rwx,u:4001:r-x,g::r-x,g:4002:rwx,m::rwx,o::---");
        PosixAcl defaults = PosixAcl.parseText("u::rwx,g::r-x,g:4002:rwx,m::rwx,o::---");
        PosixAclFiles.writeAccess(finance, access);
        PosixAclFiles.writeDefault(finance, defaults);

        Map<String, FolderTree.Folder> found = walk(root, Integer.MAX_VALUE);

        assertThat(found).containsOnlyKeys(root.toString(), root + "/Finance", root + "/Finance/2026 Q1", root + "/Marketing");
        FolderTree.Folder quarter = found.get(finance.toString());
        assertThat(quarter.depth()).isEqualTo(2);
        assertThat(quarter.security().accessAcl()).contains(access);
        assertThat(quarter.security().defaultAcl()).contains(defaults);
        assertThat(quarter.security().uid()).isEqualTo(((Number) Files.getAttribute(finance, "unix:uid")).longValue());
        assertThat(quarter.security().gid()).isEqualTo(((Number) Files.getAttribute(finance, "unix:gid")).longValue());
        assertThat(quarter.security().mode()).isEqualTo(((Number) Files.getAttribute(finance, "unix:mode")).intValue() & 0777);
        FolderTree.Folder marketing = found.get(root + "/Marketing");
        assertThat(marketing.security().accessAcl()).isEmpty();
        assertThat(marketing.security().defaultAcl()).isEmpty();
        assertThat(found.values()).allSatisfy(folder -> {
            assertThat(folder.readError()).isNull();
            assertThat(folder.listError()).isNull();
        });
    }

    @Test
    void foldersAtTheDepthLimitAreReadButNotListed(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("a/b/c"));

        assertThat(walk(root, 1)).containsOnlyKeys(root.toString(), root + "/a");
        assertThat(walk(root, 0)).containsOnlyKeys(root.toString());
    }

    @Test
    void aFolderThatCannotBeListedIsReportedWithItsSecurityAndTheWalkGoesOn(@TempDir Path root) throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectories(root.resolve("locked/hidden")).getParent();
        Files.createDirectories(root.resolve("open/below"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-wx--x--x"));
        try {
            // as root, permissions are not checked: walk as nobody, who may pass through "locked" but not list it
            Map<String, FolderTree.Folder> found = CompletableFuture.supplyAsync(() -> {
                setfsuid(NOBODY);
                try {
                    return walk(root, Integer.MAX_VALUE);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, runnable -> new Thread(runnable).start()).get();

            assertThat(found).containsOnlyKeys(root.toString(), locked.toString(), root + "/open", root + "/open/below");
            FolderTree.Folder notListed = found.get(locked.toString());
            assertThat(notListed.listError()).isEqualTo("cannot list contents: permission denied");
            assertThat(notListed.readError()).isNull();
            assertThat(notListed.security().mode()).isEqualTo(0311);
            assertThat(notListed.security().accessAcl()).isEmpty();
            assertThat(found.get(root + "/open/below").listError()).isNull();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aRootThatIsNotAFolderStopsTheWalk(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir);

        for (Path root : List.of(file, link, dir.resolve("missing"))) {
            assertThatThrownBy(() -> walk(root, 3)).isInstanceOf(IOException.class).hasMessageContaining("Not a folder");
        }
    }

    private static Map<String, FolderTree.Folder> walk(Path root, int maxDepth) throws IOException {
        List<FolderTree.Folder> folders = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        FolderTree.walk(root, maxDepth, new FolderTree.Visitor() {
            @Override
            public void folder(FolderTree.Folder folder) {
                folders.add(folder);
            }

            @Override
            public void listingStopped(String path, String reason) {
                stopped.add(path + ": " + reason);
            }
        });
        assertThat(stopped).isEmpty();
        return folders.stream().collect(Collectors.toMap(FolderTree.Folder::path, Function.identity()));
    }
}
