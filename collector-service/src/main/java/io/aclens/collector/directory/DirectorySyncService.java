package io.aclens.collector.directory;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.messaging.DirectoryEventPublisher;
import io.aclens.collector.messaging.MessageChunks;
import io.aclens.collector.service.RecentStatuses;
import io.aclens.contracts.DirectoryEntriesCollected;
import io.aclens.contracts.DirectorySyncCompleted;
import io.aclens.contracts.DirectorySyncFailed;
import io.aclens.contracts.DirectorySyncStarted;
import io.aclens.contracts.api.ConnectionTestResult;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Reads a configured directory and publishes it as one sync: started, entries in chunks, completed (or
 * failed, with a reason that never quotes a credential). Syncs run one at a time on their own thread.
 */
@ApplicationScoped
public class DirectorySyncService {
    private static final Logger LOG = Logger.getLogger(DirectorySyncService.class);
    static final int CHUNK = 250;
    private static final int KEPT_STATUSES = 200;

    private final CollectorConfig config;
    private final DirectoryEventPublisher publisher;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "aclens-directory-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final RecentStatuses<DirectorySyncStatus> statuses = new RecentStatuses<>(KEPT_STATUSES);

    private final EventTracing tracing;

    public DirectorySyncService(CollectorConfig config, DirectoryEventPublisher publisher, EventTracing tracing) {
        this.config = config;
        this.publisher = publisher;
        this.tracing = tracing;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** A configured directory as operators may see it: everything but the credentials. */
    public record DirectoryView(String name, String clientId, String directoryId, String kind, String url, String baseDn, String cron) {
    }

    public List<DirectoryView> directories() {
        return config.directories().entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    /** Starts a sync of the configured directory {@code name}. */
    public DirectorySyncStatus start(String name) {
        CollectorConfig.DirectorySource source = config.directories().get(name);
        if (source == null) {
            throw ProblemException.notFound("No directory '" + name + "' is configured (aclens.collector.directories." + name + ".*)");
        }
        return start(name, source);
    }

    /** Starts a sync of a directory, configured or registered; {@code name} names it in statuses and errors. */
    public DirectorySyncStatus start(String name, CollectorConfig.DirectorySource source) {
        DirectoryView view = view(name, source);
        String kind = DirectorySourceReader.kindOf(name, source);
        DirectorySyncStatus status = new DirectorySyncStatus(UUID.randomUUID().toString(), name, source.clientId(), view.directoryId(),
                DirectorySyncStatus.State.RUNNING, 0, Instant.now(), null, null);
        record(status);
        // the sync continues the trace of the call that started it; its events carry the sync's span
        worker.execute(Context.current().wrap(() -> {
            Span span = tracing.start("directory sync", status.clientId(), status.directoryId());
            try (Scope ignored = span.makeCurrent()) {
                run(status, kind, source);
            } finally {
                span.end();
            }
        }));
        return status;
    }

    /** Connects, binds and finds the base DN as a sync would (or reads the local files), and says what failed. */
    public ConnectionTestResult test(String name, CollectorConfig.DirectorySource source) {
        return DirectorySourceReader.test(name, source);
    }

    /** The directory id a directory's syncs carry when none is given: kind:name. */
    public static String defaultDirectoryId(String kind, String name) {
        return kind.toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }

    public Optional<DirectorySyncStatus> status(String syncId) {
        return statuses.get(syncId);
    }

    /** The syncs this collector ran lately, newest first. */
    public List<DirectorySyncStatus> recent() {
        return statuses.recent();
    }

    private void run(DirectorySyncStatus status, String kind, CollectorConfig.DirectorySource source) {
        String syncId = status.syncId();
        try {
            publisher.sendAndAwait(new DirectorySyncStarted(syncId + ":started", syncId, status.clientId(), status.directoryId(), kind,
                    status.startedAt()));
            List<DirectoryEntry> entries = DirectorySourceReader.read(status.name(), source);
            int chunks = 0;
            for (List<DirectoryEntry> chunk : MessageChunks.split(entries, CHUNK, MessageChunks.MAX_BYTES)) {
                chunks++;
                publisher.sendAndAwait(new DirectoryEntriesCollected(syncId + ":chunk-" + chunks, syncId, status.clientId(),
                        status.directoryId(), chunks, chunk));
            }
            Instant completed = Instant.now();
            publisher.sendAndAwait(new DirectorySyncCompleted(syncId + ":completed", syncId, status.clientId(), status.directoryId(),
                    entries.size(), chunks, completed));
            record(new DirectorySyncStatus(syncId, status.name(), status.clientId(), status.directoryId(), DirectorySyncStatus.State.COMPLETED,
                    entries.size(), status.startedAt(), completed, null));
            LOG.infof("Directory sync %s of %s: %d entries in %d chunks", syncId, status.directoryId(), entries.size(), chunks);
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf("Directory sync %s of %s failed: %s", syncId, status.directoryId(), reason);
            record(new DirectorySyncStatus(syncId, status.name(), status.clientId(), status.directoryId(), DirectorySyncStatus.State.FAILED,
                    0, status.startedAt(), Instant.now(), reason));
            try {
                publisher.sendAndAwait(new DirectorySyncFailed(syncId + ":failed", syncId, status.clientId(), status.directoryId(), reason,
                        Instant.now()));
            } catch (RuntimeException publishFailure) {
                LOG.errorf("Could not publish the failure of directory sync %s: %s", syncId, publishFailure.getMessage());
            }
        }
    }

    private void record(DirectorySyncStatus status) {
        statuses.put(status.syncId(), status);
    }

    private static DirectoryView view(String name, CollectorConfig.DirectorySource source) {
        String directoryId = source.directoryId().orElse(defaultDirectoryId(source.kind(), name));
        return new DirectoryView(name, source.clientId(), directoryId, source.kind(), source.url().orElse(null), source.baseDn().orElse(null),
                source.cron().orElse(null));
    }
}
