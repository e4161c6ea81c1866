package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.access.PosixAcl;
import io.aclens.access.WellKnownSids;
import io.aclens.posix.PosixAclFiles;
import io.aclens.posix.PosixNames;
import io.aclens.collector.posix.PosixTreeScanner;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.collector.service.CollectionTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixTreeScannerTest {

    @Test
    void depthLimitStopsTheWalkAndOddNamesSurvive(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("a/b \"quoted\"/c\nnewline/d"));
        Files.writeString(root.resolve("a/file.txt"), "files are not folders");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("a"));

        List<CollectedFolder> folders = new ArrayList<>();
        CollectionTally summary = new CollectionTally((folder, listError) -> folders.add(folder));
        PosixTreeScanner.scan(root, 2, 2, summary);

        assertThat(folders).extracting(CollectedFolder::depth).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(folders).extracting(CollectedFolder::path).contains(root.resolve("a/b \"quoted\"").toString());
        assertThat(summary.folders()).isEqualTo(3);
        assertThat(summary.errors()).isZero();
        assertThat(folders).allSatisfy(f -> assertThat(f.dacl()).isNotEmpty());
    }

    @Test
    void foldersSecuredAlikeShareOneDaclAndEverySidIsCountedOnce(@TempDir Path root) throws IOException {
        for (String folder : List.of("Finance", "Finance/2026", "Sales", "Board")) {
            Files.createDirectories(root.resolve(folder));
        }
        PosixAcl finance = PosixAcl.parseText("u::rwx,u:4001:r-x,g::r-x,m::r-x,o::---");
        PosixAclFiles.writeAccess(root.resolve("Finance"), finance);
        PosixAclFiles.writeAccess(root.resolve("Finance/2026"), finance);
        PosixAclFiles.writeAccess(root.resolve("Board"), PosixAcl.parseText("u::rwx,g::r-x,g:4002:r-x,m::r-x,o::---"));
        Map<String, CollectedFolder> folders = new ConcurrentHashMap<>();
        CollectionTally tally = new CollectionTally((folder, listError) -> folders.put(folder.path(), folder));

        PosixTreeScanner.scan(root, Integer.MAX_VALUE, 2, tally);

        assertThat(folders.get(root + "/Finance/2026").dacl()).as("one list for folders secured alike")
                .isSameAs(folders.get(root + "/Finance").dacl())
                .isNotSameAs(folders.get(root + "/Sales").dacl());
        long owner = ((Number) Files.getAttribute(root, "unix:uid")).longValue();
        long group = ((Number) Files.getAttribute(root, "unix:gid")).longValue();
        assertThat(tally.sids()).containsExactlyInAnyOrder(WellKnownSids.unixUser(owner), WellKnownSids.unixGroup(group),
                WellKnownSids.unixUser(4001), WellKnownSids.unixGroup(4002), WellKnownSids.EVERYONE);
    }

    @Test
    void namesThatAreNotUtf8KeepTheirBytesAsEscapesAndStayApart(@TempDir Path root) throws Exception {
        // Java cannot name these bytes, so the shell makes them: 'a\xFFb' and 'a\xFEb' both read as "a\uFFFDb"
        Process mkdir = new ProcessBuilder("bash", "-c", "cd \"$1\" && mkdir $'a\\xffb' $'a\\xfeb' $'ok-\\xc3\\xa9t\\xc3\\xa9'", "mkdir", root.toString())
                .inheritIO().start();
        assertThat(mkdir.waitFor()).isZero();

        List<CollectedFolder> folders = new ArrayList<>();
        CollectionTally summary = new CollectionTally((folder, listError) -> folders.add(folder));
        PosixTreeScanner.scan(root, 1, 2, summary);

        assertThat(folders).extracting(CollectedFolder::path).containsExactlyInAnyOrder(root.toString(),
                root + "/a\\xFFb", root + "/a\\xFEb", root + "/ok-\u00e9t\u00e9");
        assertThat(folders).allSatisfy(f -> assertThat(f.readError()).isNull());
        assertThat(summary.errors()).isZero();
    }

    @Test
    void escapingLeavesValidUtf8AloneAndEscapesEachStrayByte() {
        assertThat(PosixNames.escapeUndecodable("Bücher/Финансы".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("Bücher/Финансы");
        assertThat(PosixNames.escapeUndecodable(new byte[] {'a', (byte) 0xC3, 'b', (byte) 0x80, (byte) 0xE2, (byte) 0x82}))
                .isEqualTo("a\\xC3b\\x80\\xE2\\x82");
    }

    @Test
    void missingRootFailsTheScan(@TempDir Path root) {
        assertThatThrownBy(() -> PosixTreeScanner.scan(root.resolve("missing"), 3, 2, new CollectionTally((folder, listError) -> { })))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a folder");
    }
}
