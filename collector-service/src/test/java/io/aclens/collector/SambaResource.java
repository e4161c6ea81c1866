package io.aclens.collector;

import io.aclens.embedded.EmbeddedSamba;
import io.aclens.embedded.LabShare;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Samba serving the {@link LabShare} and registers it as SMB source "lab" of client "acme", and as
 * "shallow": the root and its children only, one folder at a time.
 */
public class SambaResource implements QuarkusTestResourceLifecycleManager {
    static EmbeddedSamba samba;

    @Override
    public Map<String, String> start() {
        try {
            samba = EmbeddedSamba.start();
            LabShare.prepare(samba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        for (String source : List.of("lab", "shallow")) {
            config.putAll(Map.of("aclens.collector.smb-sources." + source + ".client-id", "acme",
                    "aclens.collector.smb-sources." + source + ".host", "127.0.0.1",
                    "aclens.collector.smb-sources." + source + ".share", EmbeddedSamba.SHARE,
                    "aclens.collector.smb-sources." + source + ".username", EmbeddedSamba.SERVICE,
                    "aclens.collector.smb-sources." + source + ".password", EmbeddedSamba.PASSWORD));
        }
        // the root and its children only, one folder at a time over one connection
        config.putAll(Map.of("aclens.collector.smb-sources.shallow.max-depth", "1",
                "aclens.collector.smb-sources.shallow.parallelism", "1", "aclens.collector.smb-sources.shallow.connections", "1"));
        return config;
    }

    @Override
    public void stop() {
        if (samba != null) {
            samba.close();
        }
    }
}
