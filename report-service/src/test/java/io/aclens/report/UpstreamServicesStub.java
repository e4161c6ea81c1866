package io.aclens.report;

import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.testing.JsonStubServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the snapshot and diff services' REST APIs in the report service's own tests (Kafka and
 * PostgreSQL are real); the end-to-end test runs the real services.
 */
public class UpstreamServicesStub implements QuarkusTestResourceLifecycleManager {
    static final Map<Long, SnapshotView> SNAPSHOTS = new ConcurrentHashMap<>();
    static final Map<Long, FolderPage> FOLDERS = new ConcurrentHashMap<>();
    static final Map<String, List<Principal>> PRINCIPALS = new ConcurrentHashMap<>();
    static final Map<String, List<ChangeView>> CHANGES = new ConcurrentHashMap<>();
    static final Map<String, List<DirectoryEntry>> DIRECTORY = new ConcurrentHashMap<>();
    private static final Pattern SNAPSHOT = Pattern.compile("/api/v1/snapshots/(\\d+)");
    private static final Pattern FOLDER_PAGE = Pattern.compile("/api/v1/snapshots/(\\d+)/folders");
    private static final Pattern CLIENT = Pattern.compile("/api/v1/clients/([^/]+)/(principals|changes|effective-changes|directory)");

    private JsonStubServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStubServer.start(path -> {
            Matcher snapshot = SNAPSHOT.matcher(path);
            Matcher folders = FOLDER_PAGE.matcher(path);
            Matcher client = CLIENT.matcher(path);
            if (snapshot.matches()) {
                return Optional.ofNullable(SNAPSHOTS.get(Long.parseLong(snapshot.group(1))));
            }
            if (folders.matches()) {
                return Optional.ofNullable(FOLDERS.get(Long.parseLong(folders.group(1))));
            }
            if (client.matches()) {
                return Optional.of(switch (client.group(2)) {
                    case "principals" -> PRINCIPALS.getOrDefault(client.group(1), List.of());
                    case "changes" -> CHANGES.getOrDefault(client.group(1), List.of());
                    case "directory" -> DIRECTORY.getOrDefault(client.group(1), List.of());
                    default -> List.of();
                });
            }
            return Optional.empty();
        });
        return Map.of("quarkus.rest-client.snapshot-service.url", server.url(), "quarkus.rest-client.diff-service.url", server.url());
    }

    @Override
    public void stop() {
        server.close();
    }
}
