package io.aclens.cli.demo;

import io.aclens.cli.files.Folders;
import io.aclens.access.PosixAcl;
import io.aclens.posix.PosixAclFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small company share with real POSIX ACLs (written to the kernel's xattrs, so no `setfacl` is needed),
 * with its own passwd/group files naming the employees, and a scripted set of permission changes.
 * uid 21099 is in no passwd file: an account that left but kept access.
 */
public final class SampleTree {
    public static final String SOURCE_ID = "demo:sample-share";
    static final String ACCOUNTING = "Бухгалтерия";
    static final String PAYROLL = "Бухгалтерия/Зарплата 2026";

    private static final String PASSWD = """
            ivanova:x:21001:22005:Анна Иванова,Accounting,,:/home/ivanova:/bin/bash
            petrov:x:21002:22005:Пётр Петров,Sales,,:/home/petrov:/bin/bash
            smith:x:21003:22005:John Smith,IT,,:/home/smith:/bin/bash
            kozlova:x:21004:22005:Мария Козлова,HR,,:/home/kozlova:/bin/bash
            """;
    private static final String GROUP = """
            accounting:x:22001:ivanova
            sales:x:22002:petrov
            it-admins:x:22003:smith
            hr:x:22004:kozlova
            all-staff:x:22005:ivanova,petrov,smith,kozlova
            """;
    private static final Map<String, String> INITIAL = new LinkedHashMap<>();

    static {
        INITIAL.put("", "u::rwx,g::r-x,g:22005:r-x,g:22003:rwx,m::rwx,o::---");
        INITIAL.put(ACCOUNTING, "u::rwx,g::---,g:22001:rwx,u:21001:rwx,g:22003:rwx,m::rwx,o::---");
        INITIAL.put(PAYROLL, "u::rwx,g::---,g:22001:r-x,u:21001:rwx,u:21099:rwx,m::rwx,o::---");
        INITIAL.put("Бухгалтерия/Invoices", "u::rwx,g::---,g:22001:rwx,m::rwx,o::---");
        INITIAL.put("Sales", "u::rwx,g::---,g:22002:rwx,g:22001:r-x,m::rwx,o::---");
        INITIAL.put("Sales/Clients", "u::rwx,g::---,g:22002:rwx,u:21002:r-x,m::rwx,o::---");
        INITIAL.put("HR", "u::rwx,g::---,g:22004:rwx,u:21004:rwx,m::rwx,o::---");
        INITIAL.put("HR/Personnel files", "u::rwx,g::---,u:21004:rwx,m::rwx,o::---");
        INITIAL.put("Public", "u::rwx,g::---,g:22005:rwx,m::rwx,o::rwx");
        INITIAL.put("IT", "u::rwx,g::---,g:22003:rwx,m::rwx,o::---");
    }

    /** The permission changes the demo makes between its two scans. */
    static final Map<String, String> CHANGES = new LinkedHashMap<>();

    static {
        CHANGES.put(ACCOUNTING, "u::rwx,g::---,g:22001:rwx,u:21001:rwx,g:22002:r-x,g:22003:rwx,m::rwx,o::---");
        CHANGES.put(PAYROLL, "u::rwx,g::---,g:22001:r-x,u:21001:rwx,m::rwx,o::---");
        CHANGES.put("Sales/Clients", "u::rwx,g::---,g:22002:rwx,u:21002:rwx,m::rwx,o::---");
        CHANGES.put("Public", "u::rwx,g::---,g:22005:rwx,m::rwx,o::r-x");
        CHANGES.put("Projects", "u::rwx,g::---,g:22005:rwx,m::rwx,o::---");
    }

    /** The directory changes the demo makes before its second directory sync (no ACL is touched). */
    private static final String PASSWD_CHANGED = PASSWD.replace("HR,,:/home/kozlova:/bin/bash", "HR,,:/home/kozlova:/usr/sbin/nologin");
    private static final String GROUP_CHANGED = GROUP.replace("accounting:x:22001:ivanova", "accounting:x:22001:ivanova,petrov");

    private final Path root;
    private final Path passwd;
    private final Path group;
    private final String ownPasswd;
    private final String ownGroup;

    private SampleTree(Path root, Path passwd, Path group, String ownPasswd, String ownGroup) {
        this.root = root;
        this.passwd = passwd;
        this.group = group;
        this.ownPasswd = ownPasswd;
        this.ownGroup = ownGroup;
    }

    /** Where {@link #create} puts the passwd and group files: a local directory source can be configured before. */
    private static Path passwdOf(Path dir) {
        return dir.resolve("passwd");
    }

    private static Path groupOf(Path dir) {
        return dir.resolve("group");
    }

    /** Creates the share afresh under {@code dir} (what was there before is removed). */
    public static SampleTree create(Path dir) throws IOException {
        Folders.deleteRecursively(dir);
        Path root = Files.createDirectories(dir.resolve("share"));
        long uid = ((Number) Files.getAttribute(root, "unix:uid")).longValue();
        long gid = ((Number) Files.getAttribute(root, "unix:gid")).longValue();
        String ownPasswd = ownAccount(Path.of("/etc/passwd"), uid);
        String ownGroup = ownAccount(Path.of("/etc/group"), gid);
        Path passwd = Files.writeString(passwdOf(dir), PASSWD + ownPasswd, StandardCharsets.UTF_8);
        Path group = Files.writeString(groupOf(dir), GROUP + ownGroup, StandardCharsets.UTF_8);
        SampleTree tree = new SampleTree(root, passwd, group, ownPasswd, ownGroup);
        for (Map.Entry<String, String> folder : INITIAL.entrySet()) {
            tree.apply(folder.getKey(), folder.getValue());
        }
        PosixAclFiles.writeDefault(root.resolve(ACCOUNTING), PosixAcl.parseText("u::rwx,g::---,g:22001:rwx,u:21001:rwx,m::rwx,o::---"));
        return tree;
    }

    /** Makes the scripted changes; returns what was changed, in words. */
    public List<String> change() throws IOException {
        for (Map.Entry<String, String> folder : CHANGES.entrySet()) {
            apply(folder.getKey(), folder.getValue());
        }
        return List.of(
                "sales can now read " + ACCOUNTING + " (group granted r-x)",
                "uid 21099, an account that left, lost access to " + PAYROLL,
                "petrov raised from read to modify on Sales/Clients",
                "Everyone lowered from modify to read on Public",
                "new folder Projects");
    }

    /** Changes the directory only: petrov joins accounting, kozlova's account is disabled. */
    public List<String> changeDirectory() throws IOException {
        Files.writeString(passwd, PASSWD_CHANGED + ownPasswd, StandardCharsets.UTF_8);
        Files.writeString(group, GROUP_CHANGED + ownGroup, StandardCharsets.UTF_8);
        return List.of("petrov joins the accounting group", "kozlova's account is disabled (shell set to nologin)");
    }

    public Path root() {
        return root;
    }

    public Path passwd() {
        return passwd;
    }

    public Path group() {
        return group;
    }

    public int folderCount() {
        return INITIAL.size();
    }

    private void apply(String relative, String aclText) throws IOException {
        Path folder = relative.isEmpty() ? root : Files.createDirectories(root.resolve(relative));
        PosixAclFiles.writeAccess(folder, PosixAcl.parseText(aclText));
    }

    /** The running user's own entry, so the share's owner has a name in the report. */
    private static String ownAccount(Path file, long id) throws IOException {
        if (!Files.isReadable(file)) {
            return "";
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.split(":", -1).length > 2 && line.split(":", -1)[2].equals(Long.toString(id)))
                .findFirst().map(line -> line + "\n").orElse("");
    }
}
