package io.aclens.collector.service;

import io.aclens.contracts.api.ScanStatus;
import io.aclens.access.Principal;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.messaging.Baseline;
import io.aclens.collector.messaging.ScanEventPublisher;
import io.aclens.collector.posix.LocalTreeSource;
import io.aclens.collector.repository.ScanJobRepository;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.ScanFailed;
import io.aclens.contracts.ScanHeartbeat;
import io.aclens.contracts.ScanPrincipalsCollected;
import io.aclens.collector.messaging.MessageChunks;
import io.aclens.contracts.ScanStarted;
import io.aclens.posix.LocalIdentities;
import io.aclens.posix.ThreadPriority;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Runs scans of any source on worker threads and publishes each as a scan lifecycle. */
@ApplicationScoped
public class ScanService {
    private static final Logger LOG = Logger.getLogger(ScanService.class);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int KEPT_STATUSES = 500;
    private static final int PRINCIPALS_PER_CHUNK = 2000;

    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);

    private final ScanEventPublisher publisher;
    private final CollectorConfig config;
    private final ScanJobRepository jobs;
    /**
     * This process among the collector's replicas, the holder of the jobs it queued: its host, so that a restarted
     * collector can take its predecessor's jobs at once, and a process id of its own.
     */
    private final String owner = hostName() + "/" + UUID.randomUUID();
    private final ExecutorService workers;
    private final java.util.concurrent.ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "aclens-scan-heartbeats");
        thread.setDaemon(true);
        return thread;
    });
    private final RecentStatuses<ScanStatus> statuses = new RecentStatuses<>(KEPT_STATUSES);
    private final ScanOutcomes outcomes;
    private final EventTracing tracing;
    private final ScanBaselines baselines;

    public ScanService(ScanEventPublisher publisher, CollectorConfig config, ScanJobRepository jobs, ScanOutcomes outcomes,
                       EventTracing tracing, ScanBaselines baselines) {
        this.publisher = publisher;
        this.baselines = baselines;
        this.tracing = tracing;
        this.outcomes = outcomes;
        this.config = config;
        this.jobs = jobs;
        try {
            ThreadPriority.checkNice(config.scanNice()); // at startup, not on the first scan's thread, where it would end the scan unseen
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aclens.collector.scan-nice: " + e.getMessage(), e);
        }
        if (config.walkThreads() < 1) {
            throw new IllegalArgumentException("aclens.collector.walk-threads: at least 1, not " + config.walkThreads());
        }
        AtomicLong threads = new AtomicLong();
        this.workers = Executors.newFixedThreadPool(config.parallelScans(), task -> {
            Thread thread = new Thread(() -> {
                yieldToAnswers(config.scanNice());
                task.run();
            }, "aclens-scan-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lowers the scan thread's CPU priority; the walks' threads, started from it, inherit it. */
    private static void yieldToAnswers(int nice) {
        try {
            if (nice > 0 && !ThreadPriority.niceCurrentThread(nice)) {
                LOG.debugf("Scan threads run at normal priority: this system has no per-thread nice value");
            }
        } catch (IOException e) {
            LOG.warnf("Scan threads run at normal priority: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
        workers.shutdownNow();
    }

    /** Validates a local scan request and queues the scan; the returned status carries the scan id. */
    public ScanStatus start(ScanRequest request) {
        return start(request, null);
    }

    /** The same, under a given scan id ({@code null}: a new one), for a queued scan taken over after a restart. */
    public ScanStatus start(ScanRequest request, String scanId) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body with clientId and root is required");
        }
        requireClientId(request.clientId());
        if (request.root() == null || !Path.of(request.root()).isAbsolute()) {
            throw ProblemException.badRequest("root must be an absolute folder path");
        }
        Path root = Path.of(request.root()).normalize();
        if (config.allowedRoots().stream().map(Path::of).noneMatch(root::startsWith)) {
            throw new ProblemException(403, "Forbidden", "root " + root + " is outside the allowed roots " + config.allowedRoots());
        }
        if (!Files.isDirectory(root)) {
            throw ProblemException.badRequest("root " + root + " is not a folder on the collector's host");
        }
        if (request.maxDepth() != null && request.maxDepth() < 0) {
            throw ProblemException.badRequest("maxDepth must not be negative");
        }
        LocalIdentities identities;
        try {
            identities = request.passwdFile() == null && request.groupFile() == null ? LocalIdentities.system()
                    : LocalIdentities.load(Path.of(request.passwdFile() == null ? "/etc/passwd" : request.passwdFile()),
                    Path.of(request.groupFile() == null ? "/etc/group" : request.groupFile()));
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("Cannot read the passwd/group files: " + e.getMessage());
        }
        String sourceId = request.sourceId() == null || request.sourceId().isBlank() ? defaultSourceId(root) : request.sourceId();
        int maxDepth = request.maxDepth() == null ? Integer.MAX_VALUE : request.maxDepth();
        Rerun rerun = new Rerun.LocalTree(new ScanRequest(request.clientId(), root.toString(), sourceId, request.maxDepth(), request.passwdFile(),
                request.groupFile()));
        return submit(scanId, request.clientId(), sourceId, root.toString(), rerun,
                new LocalTreeSource(root, maxDepth, config.walkThreads(), identities), () -> { });
    }

    /**
     * Queues a scan of any source, stored first so that a restart loses it not: {@code rerun} says how to run it again
     * (null for an upload, which is failed visibly instead); {@code cleanup} runs when it has been published (or failed).
     */
    public ScanStatus submit(String scanId, String clientId, String sourceId, String root, Rerun rerun, FolderSource source, Runnable cleanup) {
        requireClientId(clientId);
        ScanStatus queued = new ScanStatus(scanId == null ? UUID.randomUUID().toString() : scanId, clientId, sourceId, root,
                ScanStatus.State.QUEUED, 0, 0, null, null, null);
        try {
            jobs.queued(new ScanJobRepository.ScanJob(queued.scanId(), clientId, sourceId, root, rerun == null ? null : json(rerun), "QUEUED",
                    0, 0, Instant.now(), null, null, null), owner, config.scanLease()).await().atMost(DATABASE_TIMEOUT);
        } catch (RuntimeException e) {
            cleanup.run();
            throw new ProblemException(503, "Cannot Queue", "The scan could not be recorded (the collector's database: " + e.getMessage()
                    + "); nothing was started, try again");
        }
        remember(queued);
        // the scan continues the trace of the call that queued it (a scheduled or taken-over scan starts its own)
        workers.submit(Context.current().wrap(() -> {
            try {
                run(queued, source);
            } finally {
                cleanup.run();
            }
        }));
        return queued;
    }

    public Optional<ScanStatus> status(String scanId) {
        return statuses.get(scanId).or(() -> jobs.find(scanId).await().atMost(DATABASE_TIMEOUT).map(job -> new ScanStatus(job.scanId(),
                job.clientId(), job.sourceId(), job.root(), ScanStatus.State.valueOf(job.state()), job.folders(), job.errors(), job.startedAt(),
                job.finishedAt(), job.failure())));
    }

    /** How long a job stays this replica's without a renewal (aclens.collector.scan-lease). */
    public Duration lease() {
        return config.scanLease();
    }

    /** This replica's name as the holder of scan jobs. */
    public String owner() {
        return owner;
    }

    /** What every holder name of a collector on this host starts with. */
    public String hostPrefix() {
        return hostName() + "/";
    }

    /**
     * Ends a job that was running when the collector running it stopped: the snapshot service hears ScanFailed (so the
     * half-read tree is never taken for the whole), the job shows FAILED with the reason.
     */
    public void failAbandoned(ScanJobRepository.ScanJob job, String reason) {
        ScanStatus abandoned = new ScanStatus(job.scanId(), job.clientId(), job.sourceId(), job.root(), ScanStatus.State.RUNNING, 0, 0,
                job.startedAt(), null, null);
        fail(abandoned, job.startedAt() == null ? Instant.now() : job.startedAt(), publisher.open(job.scanId(), job.clientId(), job.sourceId()),
                reason, "RUNNING".equals(job.state()));
    }

    private static String json(Rerun rerun) {
        try {
            return io.aclens.contracts.EventCodec.mapper().writeValueAsString(rerun);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write how to rerun a scan: " + e.getOriginalMessage());
        }
    }

    /** The scans this collector ran lately, newest first. */
    public List<ScanStatus> recent() {
        return statuses.recent();
    }

    /** The source id a local tree's scans carry when none is given: {@code local:<host>:<root>}. */
    public static String defaultSourceId(Path root) {
        return "local:" + hostName() + ":" + root;
    }

    public static void requireClientId(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw ProblemException.badRequest("clientId must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private void run(ScanStatus queued, FolderSource source) {
        Span span = tracing.start("scan", queued.clientId(), queued.sourceId());
        span.setAttribute("aclens.scan.id", queued.scanId());
        Throwable failure = null;
        try (Scope ignored = span.makeCurrent()) {
            runTraced(queued, source);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            EventTracing.end(span, failure);
        }
    }

    private void runTraced(ScanStatus queued, FolderSource source) {
        String scanId = queued.scanId();
        Instant started = Instant.now();
        remember(new ScanStatus(scanId, queued.clientId(), queued.sourceId(), queued.root(), ScanStatus.State.RUNNING, 0, 0, started, null, null));
        record(jobs.running(scanId, started), scanId);
        CompletableFuture<Baseline> baseline = baselines.fetch(queued);
        CompletableFuture<Duration> baselineFetch = baseline.thenApply(fetched -> Duration.between(started, Instant.now()));
        ScanEventPublisher.Publication events = publisher.open(scanId, queued.clientId(), queued.sourceId(), baseline);
        try {
            events.sendAndAwait(new ScanStarted(scanId + ":started", scanId, queued.clientId(), queued.sourceId(), source.kind(),
                    queued.root(), started));
            CollectionTally tally = new CollectionTally(events::folder);
            java.util.concurrent.ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(events, queued, tally),
                    config.heartbeatInterval().toMillis(), config.heartbeatInterval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            Instant walkStarted = Instant.now();
            try {
                source.collect(tally);
                events.flush();
            } finally {
                heartbeat.cancel(false);
            }
            Duration walk = Duration.between(walkStarted, Instant.now());
            List<Principal> principals = tally.sids().stream().map(source::resolve).toList();
            int chunk = 0;
            for (List<Principal> names : MessageChunks.split(principals, PRINCIPALS_PER_CHUNK, MessageChunks.MAX_BYTES)) {
                chunk++;
                events.sendAndAwait(new ScanPrincipalsCollected(scanId + ":principals-" + chunk, scanId, queued.clientId(), queued.sourceId(),
                        chunk, names));
            }
            Instant finished = Instant.now();
            events.sendAndAwait(new ScanCompleted(scanId + ":completed", scanId, queued.clientId(), queued.sourceId(), tally.folders(),
                    tally.errors(), tally.unreadable(), List.of(), Duration.between(started, finished).toMillis(), finished, source.server(),
                    events.baselineSnapshotId(), events.unchangedFolders(), events.removedFolders()));
            remember(new ScanStatus(scanId, queued.clientId(), queued.sourceId(), queued.root(), ScanStatus.State.COMPLETED,
                    tally.folders(), tally.errors(), started, finished, null));
            record(jobs.finished(scanId, "COMPLETED", tally.folders(), tally.errors(), finished, null), scanId);
            outcomes.completed(queued.clientId(), queued.sourceId());
            LOG.infof("Scan %s of %s: %d folders, %d errors in %d ms (%d ms of them reading the source and sending its folders)%s", scanId,
                    queued.root(), tally.folders(), tally.errors(), Duration.between(started, finished).toMillis(), walk.toMillis(),
                    events.baselineSnapshotId() == null ? ""
                            : String.format(" (against snapshot %d, its %d folders fetched in %d ms while the walk went on: %d unchanged not sent, %d gone or changed)",
                            events.baselineSnapshotId(), events.baseline().size(), baselineFetch.join().toMillis(), events.unchangedFolders(),
                            events.removedFolders()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(queued, started, events, "interrupted: the collector is shutting down", true);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Scan %s of %s failed", scanId, queued.root());
            fail(queued, started, events, e.getMessage(), true);
        }
    }

    /** Tells the snapshot service the scan is alive, on the collector's clock; one that cannot be sent is only logged. */
    private static void beat(ScanEventPublisher.Publication events, ScanStatus scan, CollectionTally tally) {
        try {
            Instant now = Instant.now();
            events.sendAndAwait(new ScanHeartbeat(scan.scanId() + ":heartbeat-" + now.toEpochMilli(), scan.scanId(), scan.clientId(),
                    scan.sourceId(), tally.folders(), now));
        } catch (RuntimeException e) {
            LOG.warnf("Could not send the heartbeat of scan %s: %s", scan.scanId(), e.getMessage());
        }
    }

    /** Records the scan as failed; {@code started}: whether ScanStarted may have reached the snapshot service, which then hears ScanFailed. */
    private void fail(ScanStatus queued, Instant startedAt, ScanEventPublisher.Publication events, String reason, boolean started) {
        Instant now = Instant.now();
        remember(new ScanStatus(queued.scanId(), queued.clientId(), queued.sourceId(), queued.root(), ScanStatus.State.FAILED,
                0, 0, startedAt, now, reason));
        record(jobs.finished(queued.scanId(), "FAILED", 0, 0, now, reason), queued.scanId());
        outcomes.failed(queued.clientId(), queued.sourceId());
        Span.current().setStatus(StatusCode.ERROR, reason == null ? "failed" : reason); // the scan's span, when it ran here
        if (!started) {
            return;
        }
        try {
            events.sendAndAwait(new ScanFailed(queued.scanId() + ":failed", queued.scanId(), queued.clientId(), queued.sourceId(),
                    reason == null ? "unknown" : reason, Instant.now()));
        } catch (RuntimeException e) {
            // the snapshot service abandons the scan after its timeout when even this cannot be sent
            LOG.warnf(e, "Could not publish the failure of scan %s", queued.scanId());
        }
    }

    private void remember(ScanStatus status) {
        statuses.put(status.scanId(), status);
    }

    /** A job's state change; if the database cannot take it now, the lease expires and the job is taken over after all. */
    private static void record(io.smallrye.mutiny.Uni<Void> update, String scanId) {
        try {
            update.await().atMost(DATABASE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the state of scan %s: %s", scanId, e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
