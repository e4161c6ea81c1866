package io.aclens.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A share prepared the way MSPs find them, on an {@link EmbeddedSamba}: inherited and explicit entries, a deny,
 * a group and a user entry, OI/CI/IO/NP, broken inheritance, Cyrillic names and spaces, a folder the service
 * account may not read, a path longer than 260 characters, and a folder with more sub-folders than one listing
 * answer holds. Used by the collector's SMB tests and the end-to-end test of the packaged services.
 */
public final class LabShare {
    /** The folder the service account may not read. */
    public static final String LOCKED = "Locked";
    /** Under "Sales Team": more than 260 characters once prefixed with \\127.0.0.1\data. */
    public static final String LONG_PATH = String.join("\\", List.of("Sales Team", "a".repeat(60), "b".repeat(60), "c".repeat(60),
            "d".repeat(60), "e".repeat(30)));
    /** The folder with {@link #WIDE_FOLDERS} sub-folders, named folder-0001 …; too many to compare one by one with smbcacls. */
    public static final String WIDE = "Wide";
    /** More than one directory listing answer holds (about 740 names of this length in 64 KiB). */
    public static final int WIDE_FOLDERS = 1_300;

    private LabShare() {
    }

    public static void prepare(EmbeddedSamba samba) throws IOException {
        String service = EmbeddedSamba.userSid(EmbeddedSamba.SERVICE);
        String petrova = EmbeddedSamba.userSid("petrova");
        String finance = EmbeddedSamba.groupSid("finance");
        samba.smbcacls("", "-a", "ACL:" + service + ":ALLOWED/OI|CI/READ");
        samba.mkdirOverSmb("Финансы");
        samba.smbcacls("Финансы", "-a", "ACL:" + finance + ":ALLOWED/OI|CI/CHANGE,ACL:" + petrova + ":DENIED/0x0/0x00000116,ACL:"
                + petrova + ":ALLOWED/0x0/READ");
        samba.mkdirOverSmb("Финансы\\Отчёты 2026");
        // an entry marked inherited (0x13 = OI|CI|ID), as Windows writes them below a parent
        samba.smbcacls("Финансы\\Отчёты 2026", "-a", "ACL:" + petrova + ":ALLOWED/0x13/READ");
        samba.mkdirOverSmb("Финансы\\Зарплата");
        samba.smbcacls("Финансы\\Зарплата", "-I", "copy");
        samba.smbcacls("Финансы\\Зарплата", "-a", "ACL:" + petrova + ":ALLOWED/OI|CI|IO|NP/READ");
        samba.mkdirOverSmb(LOCKED);
        samba.smbcacls(LOCKED, "-I", "remove");
        samba.smbcacls(LOCKED, "-a", "ACL:S-1-22-1-0:ALLOWED/0x0/FULL");
        // Samba copies the parent's entry down without the inherited flag, so "-I remove" keeps it: drop it explicitly
        samba.smbcacls(LOCKED, "-D", "ACL:" + service + ":ALLOWED/OI|CI/READ");
        samba.mkdirOverSmb("Sales Team");
        Files.createDirectories(samba.shareDir().resolve(Path.of(LONG_PATH.replace('\\', '/'))));
        for (int i = 1; i <= WIDE_FOLDERS; i++) {
            Files.createDirectories(samba.shareDir().resolve(WIDE).resolve(String.format("folder-%04d", i)));
        }
    }
}
