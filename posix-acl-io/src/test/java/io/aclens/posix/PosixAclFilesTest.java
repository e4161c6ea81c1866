package io.aclens.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.access.PosixAcl;
import io.aclens.access.PrincipalKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixAclFilesTest {

    @Test
    void writtenAclsReadBackAndAgreeWithGetfacl(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("Бухгалтерия с пробелом"));
        PosixAcl access = PosixAcl.parseText("u::rwx,u:4001:r-x,g::r-x,g:4002:rwx,m::rwx,o::---");
        PosixAcl defaults = PosixAcl.parseText("u::rwx,g::r-x,g:4002:rwx,m::rwx,o::---");

        PosixAclFiles.writeAccess(folder, access);
        PosixAclFiles.writeDefault(folder, defaults);

        assertThat(PosixAclFiles.readAccess(folder)).contains(access);
        assertThat(PosixAclFiles.readDefault(folder)).contains(defaults);
        assertThat(getfacl(folder)).contains("user:4001:r-x", "group:4002:rwx", "default:group:4002:rwx", "mask::rwx");
    }

    @Test
    void anAclLargerThanTheFirstBufferIsReadWhole(@TempDir Path dir) throws Exception {
        StringBuilder entries = new StringBuilder("u::rwx,g::r-x,m::rwx,o::---");
        for (int uid = 5000; uid < 5300; uid++) { // 300 entries of 8 bytes: more than the 1 KiB first tried
            entries.append(",u:").append(uid).append(":r-x");
        }
        PosixAcl large = PosixAcl.parseText(entries.toString());
        PosixAclFiles.writeAccess(dir, large);

        assertThat(PosixAclFiles.readAccess(dir)).contains(large);
        assertThat(PosixAclFiles.readAccess(dir)).as("again, from the grown buffer").contains(large);
    }

    @Test
    void plainFolderHasNoExtendedAcl(@TempDir Path dir) throws Exception {
        assertThat(PosixAclFiles.readAccess(dir)).isEmpty();
        assertThat(PosixAclFiles.readDefault(dir)).isEmpty();
        assertThatThrownBy(() -> PosixAclFiles.readAccess(dir.resolve("missing")))
                .isInstanceOf(IOException.class).hasMessageContaining("no such file");
    }

    @Test
    void identitiesResolveNamesAndFlagOrphans(@TempDir Path dir) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "alice:x:4001:100:Алиса Смирнова,,,:/home/alice:/bin/bash\n", StandardCharsets.UTF_8);
        Path group = Files.writeString(dir.resolve("group"), "finance:x:4002:alice\n");

        LocalIdentities identities = LocalIdentities.load(passwd, group);

        assertThat(identities.resolve("S-1-22-1-4001").fullName()).isEqualTo("Алиса Смирнова");
        assertThat(identities.resolve("S-1-22-2-4002").name()).isEqualTo("finance");
        assertThat(identities.resolve("S-1-22-1-9999").kind()).isEqualTo(PrincipalKind.UNRESOLVED);
        assertThat(identities.resolve("S-1-1-0").name()).isEqualTo("Everyone");
    }

    /** Cross-checks against the real tool when the machine has it (CI installs the acl package). */
    private static String getfacl(Path folder) throws Exception {
        Process process = new ProcessBuilder("getfacl", "-n", "-p", folder.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
