package io.aclens.report.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aclens.report.repository.ClientVersion;
import io.aclens.report.repository.SourceStateRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The read model: each client's state (matrices by group and by person, folder index, directory) held in memory and
 * shared by every request, reports and alert checks. Snapshots never change, so a state is valid while the client's
 * {@link ClientVersion} — its sources' and directories' latest diffed snapshots, one indexed read — has not moved; then
 * it is loaded again, once however many ask at the same time. For questions the version is read at most once per
 * {@code aclens.report.read-model.version-check} (1 s) and forgotten as soon as this instance records a change set of the
 * client ({@link #changed}); reports and alert checks read it every time ({@link #latest}), so a report asked once a
 * scan is reportable shows that scan. Bounded by folders across clients (least recently used out first), so memory does
 * not grow with clients or requests. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class ClientStates {
    private static final Logger LOG = Logger.getLogger(ClientStates.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private record Held(ClientVersion version, ClientStateLoader.Loaded state) {
    }

    private final ClientStateLoader loader;
    private final SourceStateRepository sources;
    private final MeterRegistry registry;
    private final long maxFolders;
    private final Cache<String, Held> held;
    /** Each client's version as last read: asked again once older than the version check, not on every request. */
    private final Cache<String, ClientVersion> versions;
    /**
     * How many times each client changed here: a version read that began before a change is not kept, or a slow read
     * of the old version could be cached after the change and answer for it until the version check runs out.
     */
    private final ConcurrentMap<String, Long> changes = new ConcurrentHashMap<>();
    /** One lock per client: concurrent requests for a client being loaded wait for that one load. */
    private final ConcurrentMap<String, Object> loading = new ConcurrentHashMap<>();

    public ClientStates(ClientStateLoader loader, SourceStateRepository sources, MeterRegistry registry,
                        @ConfigProperty(name = "aclens.report.read-model.max-folders") long maxFolders,
                        @ConfigProperty(name = "aclens.report.read-model.version-check") Duration versionCheck) {
        this.loader = loader;
        this.sources = sources;
        this.registry = registry;
        this.maxFolders = maxFolders;
        this.versions = Caffeine.newBuilder().expireAfterWrite(versionCheck).build();
        this.held = Caffeine.newBuilder().maximumWeight(maxFolders).weigher(ClientStates::weight).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, held, "aclens_read_model");
        Gauge.builder("aclens_read_model_folders", this, ClientStates::heldFolders)
                .description("Folders held in memory by the read model, all clients").register(registry);
    }

    /**
     * The client's current state for a question: from memory while its version, as checked at most once per version
     * check, has not moved; loaded and held otherwise.
     */
    public ClientStateLoader.Loaded current(String clientId) {
        return current(clientId, version(clientId), true);
    }

    /** The client's state as of its latest diffed snapshots, the version read now: what a report must show. */
    public ClientStateLoader.Loaded latest(String clientId) {
        return current(clientId, readVersion(clientId), true);
    }

    /**
     * The same for counting the client's findings once a change set arrived: a state loaded for it is held only when it
     * fits beside the clients held now. So the client just diffed is ready for the questions that follow (not loaded
     * twice), while a client nobody looks at never evicts one people are looking at.
     */
    public ClientStateLoader.Loaded latestWithoutEvicting(String clientId) {
        return current(clientId, readVersion(clientId), false);
    }

    private ClientStateLoader.Loaded current(String clientId, ClientVersion version, boolean mayEvict) {
        ClientStateLoader.Loaded state = heldAt(clientId, version);
        if (state != null) {
            return state;
        }
        synchronized (loading.computeIfAbsent(clientId, client -> new Object())) {
            state = heldAt(clientId, version);
            if (state != null) {
                return state;
            }
            held.invalidate(clientId); // the old state goes before the new one is built: one copy of a client at a time
            long start = System.nanoTime();
            state = loader.load(clientId);
            registry.counter("aclens_read_model_loads_total", "client", clientId).increment();
            LOG.infof("Loaded %s into the read model: %,d folders in %d ms", clientId, state.folderCount(), (System.nanoTime() - start) / 1_000_000);
            if (state.folderCount() > maxFolders) {
                LOG.warnf("%s has %,d folders, more than aclens.report.read-model.max-folders (%,d): every request loads it again; "
                        + "raise the limit and the report service's heap", clientId, state.folderCount(), maxFolders);
            }
            Held loaded = new Held(version, state);
            if (mayEvict || heldFolders() + weight(clientId, loaded) <= maxFolders) {
                held.put(clientId, loaded);
            }
            return state;
        }
    }

    /**
     * The client as it was at {@code at} — each source's snapshot current then, each directory's snapshot committed by
     * then — held beside the current states, in the same bound, so a second question about the same moment is answered
     * from memory; the current state when nothing changed since.
     */
    public ClientStateLoader.Loaded at(String clientId, Instant at) {
        ClientStateLoader.PastVersion version = loader.versionAt(clientId, at);
        ClientVersion now = version(clientId);
        if (now.sourceSnapshots().equals(version.snapshotBySource())
                && new java.util.HashSet<>(now.directorySnapshots().values()).equals(new java.util.HashSet<>(version.directorySnapshotIds()))) {
            return current(clientId);
        }
        String key = clientId + "@" + version;
        Held past = held.getIfPresent(key);
        if (past != null) {
            return past.state();
        }
        synchronized (loading.computeIfAbsent(key, k -> new Object())) {
            past = held.getIfPresent(key);
            if (past == null) {
                past = new Held(null, loader.load(clientId, version));
                registry.counter("aclens_read_model_past_loads_total", "client", clientId).increment();
                held.put(key, past);
            }
        }
        loading.remove(key);
        return past.state();
    }

    /**
     * The client's version as last read, read again once older than the version check. Read outside the cache's own
     * compute: a computation waiting for the database would hold a lock the event loop delivering that answer may need
     * (an invalidation from a consumer), and both would wait until the read timed out.
     */
    private ClientVersion version(String clientId) {
        ClientVersion version = versions.getIfPresent(clientId);
        return version != null ? version : readVersion(clientId);
    }

    /** Reads the version and keeps it for the version check, unless the client changed while it was read. */
    private ClientVersion readVersion(String clientId) {
        long changesBefore = changes.getOrDefault(clientId, 0L);
        ClientVersion version = sources.version(clientId).await().atMost(STORE_TIMEOUT);
        changes.compute(clientId, (client, changesNow) -> {
            if ((changesNow == null ? 0L : changesNow) == changesBefore) {
                versions.put(client, version);
            }
            return changesNow;
        });
        return version;
    }

    /**
     * The client's change set or directory change set is recorded (committed): its version is read again at the next
     * question, here at once rather than once the version check runs out. A held client is also loaded again in the
     * background, so that question does not wait for the load; a client nobody asked about is left to be loaded on
     * demand. Called by the consumers on an event loop: forgetting the version does not block, the load runs on a worker.
     */
    public void changed(String clientId) {
        refreshHeld(clientId, () -> current(clientId));
    }

    /**
     * The same for a source's change set, from snapshot {@code previousSnapshotId} (null: its first) to {@code snapshotId}.
     * When that snapshot changed nothing a held state is made of — no folder, nor the server's context, nor a name — the
     * state is carried over to it instead of being loaded again: a month's unchanged rescans of a client people are looking
     * at cost a few small reads, not a reload competing with their questions.
     */
    public void sourceAdvanced(String clientId, String sourceId, Long previousSnapshotId, long snapshotId) {
        refreshHeld(clientId, () -> {
            if (previousSnapshotId == null || !carryOver(clientId, sourceId, previousSnapshotId, snapshotId)) {
                current(clientId);
            }
        });
    }

    private void refreshHeld(String clientId, Runnable refresh) {
        changes.compute(clientId, (client, changesBefore) -> {
            versions.invalidate(client);
            return changesBefore == null ? 1L : changesBefore + 1;
        });
        if (held.getIfPresent(clientId) == null) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                LOG.warnf("Refreshing %s in the read model failed (%s); the next request loads it", clientId, e.getMessage());
            }
        });
    }

    /** Whether the held state could be carried over to the source's new snapshot (and was); false to load it again. */
    private boolean carryOver(String clientId, String sourceId, long previousSnapshotId, long snapshotId) {
        synchronized (loading.computeIfAbsent(clientId, client -> new Object())) {
            Held before = held.getIfPresent(clientId);
            if (before == null || !Long.valueOf(previousSnapshotId).equals(before.version().sourceSnapshots().get(sourceId))) {
                return false;
            }
            ClientVersion now = readVersion(clientId);
            Map<String, Long> expected = new HashMap<>(before.version().sourceSnapshots());
            expected.put(sourceId, snapshotId);
            if (!now.sourceSnapshots().equals(expected) || !now.directorySnapshots().equals(before.version().directorySnapshots())) {
                return false; // something else moved too
            }
            Optional<ClientStateLoader.Loaded> carried = loader.carriedOver(clientId, before.state(), sourceId, snapshotId);
            if (carried.isEmpty()) {
                return false;
            }
            held.put(clientId, new Held(now, carried.get()));
            registry.counter("aclens_read_model_carried_over_total", "client", clientId).increment();
            LOG.debugf("Carried %s over to snapshot %d of %s: it changed nothing the read model holds", clientId, snapshotId, sourceId);
            return true;
        }
    }

    private ClientStateLoader.Loaded heldAt(String clientId, ClientVersion version) {
        Held current = held.getIfPresent(clientId);
        return current != null && current.version().equals(version) ? current.state() : null;
    }

    private long heldFolders() {
        return held.policy().eviction().flatMap(eviction -> eviction.weightedSize().stream().boxed().findFirst()).orElse(0L);
    }

    private static int weight(String clientId, Held state) {
        return (int) Math.min(Integer.MAX_VALUE, state.state().folderCount() + 1);
    }
}
