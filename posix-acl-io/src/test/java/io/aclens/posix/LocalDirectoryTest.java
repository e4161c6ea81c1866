package io.aclens.posix;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void peopleGroupsAndMembershipFromPasswdAndGroup() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/bash
                ivanova:x:21001:22005:Анна Иванова,Accounting,,:/home/ivanova:/bin/bash
                svc:x:21002:22005:Backup service:/nonexistent:/usr/sbin/nologin
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                """);
        Path group = Files.writeString(dir.resolve("group"), """
                accounting:x:22001:ivanova
                all-staff:x:22005:
                """);

        List<DirectoryEntry> entries = LocalDirectory.read(passwd, group, 1000);
        DirectoryState state = new DirectoryState(entries);

        assertThat(state.users()).extracting(DirectoryEntry::name).containsExactlyInAnyOrder("ivanova", "svc");
        DirectoryEntry ivanova = state.findUser("ivanova").orElseThrow();
        assertThat(ivanova.fullName()).isEqualTo("Анна Иванова");
        assertThat(ivanova.department()).isEqualTo("Accounting");
        assertThat(state.findUser("svc").orElseThrow().enabled()).as("nologin shell").isFalse();
        assertThat(state.token(ivanova.sid()).sids()).contains(WellKnownSids.unixGroup(22001), WellKnownSids.unixGroup(22005));
    }
}
