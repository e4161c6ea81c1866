package io.aclens.collector;

import io.aclens.embedded.EmbeddedSamba;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts Samba with a share prepared the way MSPs find them: inherited and explicit entries, a deny, a group
 * and a user entry, OI/CI/IO/NP, broken inheritance, Cyrillic names and spaces, a folder the service account
 * may not read, and a path longer than 260 characters. Registers it as SMB source "lab" of client "acme".
 */
public class SambaResource implements QuarkusTestResourceLifecycleManager {
    static EmbeddedSamba samba;
    static final String LONG_PATH = String.join("\\", List.of("Sales Team", "a".repeat(60), "b".repeat(60), "c".repeat(60),
            "d".repeat(60), "e".repeat(30)));

    @Override
    public Map<String, String> start() {
        try {
            samba = EmbeddedSamba.start();
            prepare(samba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("aclens.collector.smb-sources.lab.client-id", "acme",
                "aclens.collector.smb-sources.lab.host", "127.0.0.1",
                "aclens.collector.smb-sources.lab.share", EmbeddedSamba.SHARE,
                "aclens.collector.smb-sources.lab.username", EmbeddedSamba.SERVICE,
                "aclens.collector.smb-sources.lab.password", EmbeddedSamba.PASSWORD);
    }

    private static void prepare(EmbeddedSamba samba) throws IOException {
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
        samba.mkdirOverSmb("Locked");
        samba.smbcacls("Locked", "-I", "remove");
        samba.smbcacls("Locked", "-a", "ACL:S-1-22-1-0:ALLOWED/0x0/FULL");
        // Samba copies the parent's entry down without the inherited flag, so "-I remove" keeps it: drop it explicitly
        samba.smbcacls("Locked", "-D", "ACL:" + service + ":ALLOWED/OI|CI/READ");
        samba.mkdirOverSmb("Sales Team");
        Files.createDirectories(samba.shareDir().resolve(Path.of(LONG_PATH.replace('\\', '/'))));
    }

    @Override
    public void stop() {
        if (samba != null) {
            samba.close();
        }
    }
}
