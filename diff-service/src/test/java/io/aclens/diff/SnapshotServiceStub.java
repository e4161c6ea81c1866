package io.aclens.diff;

import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.testing.JsonStubServer;
import io.aclens.testing.SnapshotServiceFake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for the snapshot service's REST API in the diff service's own tests (Kafka and PostgreSQL are
 * real); the end-to-end test runs the real snapshot service.
 */
public class SnapshotServiceStub implements QuarkusTestResourceLifecycleManager {
    /** A snapshot no test listed is one without server information (a Linux tree, or from before V4). */
    static final SnapshotServiceFake FAKE = new SnapshotServiceFake(
            id -> new SnapshotView(id, "stub", "stub", "stub", "/", null, 0, 0, null, Instant.EPOCH));
    static final Map<Long, DeltaPage> DELTAS = FAKE.deltas;
    static final Map<String, List<Principal>> PRINCIPALS = FAKE.principals;
    static final Map<String, List<DirectoryEntry>> DIRECTORY = FAKE.directory;
    static final Map<Long, List<DirectoryEntry>> DIRECTORY_SNAPSHOTS = FAKE.directorySnapshots;
    static final Map<String, List<SnapshotView>> SNAPSHOTS = FAKE.snapshotsByClient;
    static final Map<Long, FolderPage> FOLDERS = FAKE.folders;

    static JsonStubServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStubServer.start(path -> Optional.empty(), FAKE);
        return Map.of("quarkus.rest-client.snapshot-service.url", server.url());
    }

    @Override
    public void stop() {
        server.close();
    }
}
