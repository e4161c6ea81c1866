package io.aclens.diff;

import io.aclens.access.Principal;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.testing.JsonStubServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
    private static final Pattern DELTA = Pattern.compile("/api/snapshots/(\\d+)/delta");
    private static final Pattern CLIENT_PRINCIPALS = Pattern.compile("/api/clients/([^/]+)/(principals|directory)");

    private JsonStubServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStubServer.start(path -> {
            Matcher delta = DELTA.matcher(path);
            if (delta.matches()) {
                return Optional.ofNullable(DELTAS.get(Long.parseLong(delta.group(1))));
            }
            Matcher principals = CLIENT_PRINCIPALS.matcher(path);
            if (!principals.matches()) {
                return Optional.empty();
            }
            // no directory synced: no effective changes, only the ACL-level ones these tests check
            return Optional.of(principals.group(2).equals("principals") ? PRINCIPALS.getOrDefault(principals.group(1), List.of()) : List.of());
        });
        return Map.of("quarkus.rest-client.snapshot-service.url", server.url());
    }

    @Override
    public void stop() {
        server.close();
    }
}
