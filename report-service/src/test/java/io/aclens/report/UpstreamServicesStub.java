package io.aclens.report;

import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.testing.DiffServiceFake;
import io.aclens.testing.JsonStubServer;
import io.aclens.testing.SnapshotServiceFake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for the snapshot and diff services' REST APIs in the report service's own tests (Kafka and
 * PostgreSQL are real); the end-to-end test runs the real services. Both are their typed read APIs.
 */
public class UpstreamServicesStub implements QuarkusTestResourceLifecycleManager {
    static final SnapshotServiceFake SNAPSHOT_SERVICE = new SnapshotServiceFake();
    static final Map<Long, SnapshotView> SNAPSHOTS = SNAPSHOT_SERVICE.snapshotsById;
    static final Map<Long, FolderPage> FOLDERS = SNAPSHOT_SERVICE.folders;
    static final Map<Long, DeltaPage> DELTAS = SNAPSHOT_SERVICE.deltas;
    static final Map<String, List<Principal>> PRINCIPALS = SNAPSHOT_SERVICE.principals;
    static final Map<String, List<DirectoryEntry>> DIRECTORY = SNAPSHOT_SERVICE.directory;
    static final DiffServiceFake DIFF_SERVICE = new DiffServiceFake();
    static final Map<String, List<ChangeView>> CHANGES = DIFF_SERVICE.changes;

    private JsonStubServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStubServer.start(path -> Optional.empty(), SNAPSHOT_SERVICE, DIFF_SERVICE);
        return Map.of("quarkus.rest-client.snapshot-service.url", server.url(), "quarkus.rest-client.diff-service.url", server.url());
    }

    @Override
    public void stop() {
        server.close();
    }
}
