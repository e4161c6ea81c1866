package io.aclens.collector;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.testing.JsonStubServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the snapshot service's directory API (icacls imports resolve names through it). Every collector
 * test class lists the same resources, so Quarkus starts the application once for all of them.
 */
public class SnapshotServiceStub implements QuarkusTestResourceLifecycleManager {
    static final Map<String, List<DirectoryEntry>> DIRECTORY = new ConcurrentHashMap<>();
    private static final Pattern CLIENT_DIRECTORY = Pattern.compile("/api/v1/clients/([^/]+)/directory");

    private JsonStubServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStubServer.start(path -> {
            Matcher directory = CLIENT_DIRECTORY.matcher(path);
            return directory.matches() ? Optional.of(DIRECTORY.getOrDefault(directory.group(1), List.of())) : Optional.empty();
        });
        return Map.of("quarkus.rest-client.snapshot-service.url", server.url());
    }

    @Override
    public void stop() {
        server.close();
    }
}
