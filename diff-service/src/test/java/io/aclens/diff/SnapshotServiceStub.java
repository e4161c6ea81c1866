package io.aclens.diff;

import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.testing.JsonStubServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the snapshot service's REST API in the diff service's own tests (Kafka and PostgreSQL are
 * real); the end-to-end test runs the real snapshot service.
 */
public class SnapshotServiceStub implements QuarkusTestResourceLifecycleManager {
    static final Map<Long, DeltaPage> DELTAS = new ConcurrentHashMap<>();
    static final Map<String, List<Principal>> PRINCIPALS = new ConcurrentHashMap<>();
    /** A client's current directory (the stub ignores ?exclude: tests keep one directory per client). */
    static final Map<String, List<DirectoryEntry>> DIRECTORY = new ConcurrentHashMap<>();
    static final Map<Long, List<DirectoryEntry>> DIRECTORY_SNAPSHOTS = new ConcurrentHashMap<>();
    static final Map<String, List<SnapshotView>> SNAPSHOTS = new ConcurrentHashMap<>();
    static final Map<Long, FolderPage> FOLDERS = new ConcurrentHashMap<>();
    private static final Pattern SNAPSHOT = Pattern.compile("/api/v1/snapshots/(\\d+)");
    private static final Pattern DELTA = Pattern.compile("/api/v1/snapshots/(\\d+)/delta");
    private static final Pattern FOLDER_PAGE = Pattern.compile("/api/v1/snapshots/(\\d+)/folders");
    private static final Pattern DIRECTORY_ENTRIES = Pattern.compile("/api/v1/directory-snapshots/(\\d+)/entries");
    private static final Pattern CLIENT_PRINCIPALS = Pattern.compile("/api/v1/clients/([^/]+)/(principals|directory|snapshots)");

    static JsonStubServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStubServer.start(path -> {
            Matcher snapshot = SNAPSHOT.matcher(path);
            if (snapshot.matches()) {
                return Optional.of(snapshot(Long.parseLong(snapshot.group(1))));
            }
            Matcher delta = DELTA.matcher(path);
            if (delta.matches()) {
                return Optional.ofNullable(DELTAS.get(Long.parseLong(delta.group(1))));
            }
            Matcher folders = FOLDER_PAGE.matcher(path);
            if (folders.matches()) {
                return Optional.ofNullable(FOLDERS.get(Long.parseLong(folders.group(1))));
            }
            Matcher entries = DIRECTORY_ENTRIES.matcher(path);
            if (entries.matches()) {
                return Optional.ofNullable(DIRECTORY_SNAPSHOTS.get(Long.parseLong(entries.group(1))));
            }
            Matcher client = CLIENT_PRINCIPALS.matcher(path);
            if (!client.matches()) {
                return Optional.empty();
            }
            return Optional.of(switch (client.group(2)) {
                case "principals" -> PRINCIPALS.getOrDefault(client.group(1), List.of());
                case "directory" -> DIRECTORY.getOrDefault(client.group(1), List.of());
                default -> SNAPSHOTS.getOrDefault(client.group(1), List.of());
            });
        });
        return Map.of("quarkus.rest-client.snapshot-service.url", server.url());
    }

    /** A snapshot a test listed for its client, else one without server information (a Linux tree, or from before V4). */
    private static SnapshotView snapshot(long snapshotId) {
        return SNAPSHOTS.values().stream().flatMap(List::stream).filter(s -> s.snapshotId() == snapshotId).findFirst()
                .orElseGet(() -> new SnapshotView(snapshotId, "stub", "stub", "stub", "/", null, 0, 0, null, Instant.EPOCH));
    }

    @Override
    public void stop() {
        server.close();
    }
}
