package io.aclens.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.aclens.access.PosixAcl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderTreeTest {
    private static final int NOBODY = 65534;

    static {
        Native.register(FolderTreeTest.class, Platform.C_LIBRARY_NAME);
    }

    /** Changes the calling thread's file-system uid only: permission checks then apply to it, even for root. */
    private static native int setfsuid(int fsuid);

    @ParameterizedTest(name = "in {0} thread(s)")
    @ValueSource(ints = {1, 4})
    void everyFolderIsReportedOnceWithItsOwnerModeAndAclsAndNothingElse(int threads, @TempDir Path root) throws IOException {
        Path finance = Files.createDirectories(root.resolve("Finance/2026 Q1"));
        Files.createDirectories(root.resolve("Marketing"));
        Files.writeString(root.resolve("Finance/budget.xlsx"), "a file, not a folder");
        Files.createSymbolicLink(root.resolve("link to Finance"), root.resolve("Finance"));
        PosixAcl access = PosixAcl.parseText("u::rwx,u:4001:r-x,g::r-x,g:4002:rwx,m::rwx,o::---");
        PosixAcl defaults = PosixAcl.parseText("u::rwx,g::r-x,g:4002:rwx,m::rwx,o::---");
        PosixAclFiles.writeAccess(finance, access);
        PosixAclFiles.writeDefault(finance, defaults);

        Map<String, FolderTree.Folder> found = walk(root, Integer.MAX_VALUE, threads);

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

    @ParameterizedTest(name = "in {0} thread(s)")
    @ValueSource(ints = {1, 4})
    void foldersAtTheDepthLimitAreReadButNotListed(int threads, @TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("a/b/c"));

        assertThat(walk(root, 1, threads)).containsOnlyKeys(root.toString(), root + "/a");
        assertThat(walk(root, 0, threads)).containsOnlyKeys(root.toString());
    }

    @ParameterizedTest(name = "in {0} thread(s)")
    @ValueSource(ints = {1, 4})
    void aFolderThatCannotBeListedIsReportedWithItsSecurityAndTheWalkGoesOn(int threads, @TempDir Path root) throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectories(root.resolve("locked/hidden")).getParent();
        Files.createDirectories(root.resolve("open/below"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-wx--x--x"));
        try {
            // as root, permissions are not checked: walk as nobody, who may pass through "locked" but not list it
            Map<String, FolderTree.Folder> found = CompletableFuture.supplyAsync(() -> {
                setfsuid(NOBODY);
                try {
                    return walk(root, Integer.MAX_VALUE, threads);
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

    @ParameterizedTest(name = "in {0} thread(s)")
    @ValueSource(ints = {1, 4})
    void aRootThatIsNotAFolderStopsTheWalk(int threads, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir);

        for (Path root : List.of(file, link, dir.resolve("missing"))) {
            assertThatThrownBy(() -> walk(root, 3, threads)).isInstanceOf(IOException.class).hasMessageContaining("Not a folder");
        }
    }

    @Test
    void inOneThreadFoldersComeParentFirstAndInNameOrderWhateverOrderTheKernelListsThem(@TempDir Path root) throws IOException {
        for (String folder : List.of("d2", "d10/b", "d10/a", "d1", "D3")) {
            Files.createDirectories(root.resolve(folder));
        }
        List<String> order = new ArrayList<>();

        FolderTree.walk(root, Integer.MAX_VALUE, 1, visitor(folder -> order.add(folder.path())));

        assertThat(order).containsExactly(root.toString(), root + "/D3", root + "/d1", root + "/d10", root + "/d10/a", root + "/d10/b",
                root + "/d2");
    }

    @ParameterizedTest(name = "in {0} thread(s)")
    @ValueSource(ints = {1, 4})
    void foldersWithoutSubfoldersAreNotListedWhereTheirLinkCountSaysSo(int threads, @TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("Finance/2026/Q1"));
        Files.createDirectories(root.resolve("Finance/Archive"));
        Files.createDirectories(root.resolve("Marketing"));
        Files.writeString(root.resolve("Marketing/plan.docx"), "files do not count");
        assertThat(Files.getFileStore(root).type()).as("this test's folder lies where link counts count subfolders")
                .isIn("ext2", "ext3", "ext4", "xfs", "tmpfs");
        List<String> found = Collections.synchronizedList(new ArrayList<>());

        long listed = FolderTree.walk(root, Integer.MAX_VALUE, threads, visitor(folder -> found.add(folder.path())));

        assertThat(found).containsExactlyInAnyOrder(root.toString(), root + "/Finance", root + "/Finance/2026", root + "/Finance/2026/Q1",
                root + "/Finance/Archive", root + "/Marketing");
        assertThat(listed).as("the root, Finance and 2026; not Q1, Archive or Marketing").isEqualTo(3);
    }

    @Test
    void linkCountsAreTrustedOnlyOnFileSystemsThatCountSubfoldersInThem() {
        assertThat(FolderTree.countsSubfolders(0xEF53)).as("ext2/3/4").isTrue();
        assertThat(FolderTree.countsSubfolders(0x58465342)).as("XFS").isTrue();
        assertThat(FolderTree.countsSubfolders(0x01021994)).as("tmpfs").isTrue();
        assertThat(FolderTree.countsSubfolders(0x9123683EL)).as("btrfs: 1 for every folder").isFalse();
        assertThat(FolderTree.countsSubfolders(0x794C7630)).as("overlay").isFalse();
        assertThat(FolderTree.countsSubfolders(0xFF534D42L)).as("a CIFS mount").isFalse();
        assertThat(FolderTree.countsSubfolders(0x6969)).as("an NFS mount").isFalse();
    }

    @Test
    void inSeveralThreadsEveryFolderIsReportedOnceAfterItsParent(@TempDir Path root) throws IOException {
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                Files.createDirectories(root.resolve("d" + i + "/e" + j + "/f"));
            }
        }
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Set<Thread> walkingThreads = ConcurrentHashMap.newKeySet();
        FolderTree.walk(root, Integer.MAX_VALUE, 4, visitor(folder -> {
            order.add(folder.path());
            walkingThreads.add(Thread.currentThread());
        }));

        assertThat(order).hasSize(1 + 20 + 400 + 400).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(walk(root, Integer.MAX_VALUE, 1).keySet());
        assertThat(order.get(0)).isEqualTo(root.toString());
        assertThat(order.subList(1, order.size())).allSatisfy(path ->
                assertThat(order.indexOf(path.substring(0, path.lastIndexOf('/')))).as(path).isLessThan(order.indexOf(path)));
        Set<String> threadNames = walkingThreads.stream().map(Thread::getName).collect(Collectors.toSet());
        assertThat(threadNames).as("the walk's own threads, named after the caller's")
                .allSatisfy(name -> assertThat(name).startsWith(Thread.currentThread().getName() + "-walk-"))
                .as("a name of its own for each").hasSameSizeAs(walkingThreads);
    }

    @Test
    void theWalksThreadsRunAtTheCallersLoweredPriority(@TempDir Path root) throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.createDirectories(root.resolve("d" + i + "/e"));
        }
        int lowered = Math.max(10, ThreadPriority.niceOfCurrentThread());
        Set<Integer> niceOfWalkThreads = ConcurrentHashMap.newKeySet();

        CompletableFuture.runAsync(() -> {
            try {
                assertThat(ThreadPriority.niceCurrentThread(lowered)).isTrue();
                FolderTree.walk(root, Integer.MAX_VALUE, 4, visitor(folder -> {
                    try {
                        niceOfWalkThreads.add(ThreadPriority.niceOfCurrentThread());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, command -> new Thread(command).start()).get();

        assertThat(niceOfWalkThreads).containsExactly(lowered);
    }

    @Test
    void aVisitorFailingInAnyOfTheThreadsEndsTheWalkWithItsFailure(@TempDir Path root) throws IOException {
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                Files.createDirectories(root.resolve("d" + i + "/e" + j));
            }
        }

        assertThatThrownBy(() -> FolderTree.walk(root, Integer.MAX_VALUE, 4, visitor(folder -> {
            if (folder.path().endsWith("/d7/e3")) {
                throw new IllegalStateException("Kafka refused the batch");
            }
        }))).isInstanceOf(IllegalStateException.class).hasMessageContaining("Kafka refused the batch");
        assertThatThrownBy(() -> FolderTree.walk(root, 3, 0, visitor(folder -> { }))).isInstanceOf(IllegalArgumentException.class);
    }

    private static FolderTree.Visitor visitor(Consumer<FolderTree.Folder> folders) {
        return new FolderTree.Visitor() {
            @Override
            public void folder(FolderTree.Folder folder) {
                folders.accept(folder);
            }

            @Override
            public void listingStopped(String path, String reason) {
                throw new AssertionError(path + ": " + reason);
            }
        };
    }

    private static Map<String, FolderTree.Folder> walk(Path root, int maxDepth, int threads) throws IOException {
        List<FolderTree.Folder> folders = Collections.synchronizedList(new ArrayList<>());
        FolderTree.walk(root, maxDepth, threads, visitor(folders::add));
        return folders.stream().collect(Collectors.toMap(FolderTree.Folder::path, Function.identity()));
    }
}
