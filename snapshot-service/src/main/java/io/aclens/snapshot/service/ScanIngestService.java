package io.aclens.snapshot.service;

import io.aclens.access.Ace;
import io.aclens.access.AclHash;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.PoisonEventException;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScanFailed;
import io.aclens.contracts.ScanHeartbeat;
import io.aclens.contracts.ScanPrincipalsCollected;
import io.aclens.contracts.ScanStarted;
import io.aclens.contracts.ScannedFolder;
import io.aclens.snapshot.messaging.SnapshotEventPublisher;
import io.aclens.snapshot.repository.CommitRepository;
import io.aclens.snapshot.repository.DataErrors;
import io.aclens.snapshot.repository.StagingRepository;
import io.aclens.support.metrics.Freshness;
import io.aclens.support.tracing.EventTracing;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Applies a batch of scan events in partition order: folders are staged set-based, a completion commits
 * the scan, a failure drops it. Every step is idempotent, so a redelivered batch changes nothing and
 * publishes "snapshot committed" again (same event id) — which is why publishing needs no outbox.
 */
@ApplicationScoped
public class ScanIngestService {
    private static final Logger LOG = Logger.getLogger(ScanIngestService.class);

    private final StagingRepository staging;
    private final CommitRepository commits;
    private final SnapshotEventPublisher publisher;
    private final ScanPartitions scanPartitions;
    private final Freshness freshness;
    private final EventTracing tracing;

    public ScanIngestService(StagingRepository staging, CommitRepository commits, SnapshotEventPublisher publisher,
                             ScanPartitions scanPartitions, Freshness freshness, EventTracing tracing) {
        this.freshness = freshness;
        this.tracing = tracing;
        this.staging = staging;
        this.commits = commits;
        this.publisher = publisher;
        this.scanPartitions = scanPartitions;
    }

    public Uni<Void> ingest(ConsumerRecords<String, byte[]> records) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (TopicPartition partition : records.partitions()) {
            Batch batch = new Batch();
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                scanPartitions.read(record.partition(), eventTime(record));
                ScanEvent event;
                try {
                    event = EventCodec.decode(record.headers(), record.value(), ScanEvent.class);
                } catch (PoisonEventException e) {
                    work = batch.flushInto(work);
                    work = work.chain(() -> publisher.deadLetter(record, e.getMessage()));
                    continue;
                }
                if (event instanceof FolderScanned folder) {
                    batch.add(record, folder);
                } else if (event instanceof FoldersScanned folders) {
                    try {
                        batch.add(record, folders);
                    } catch (PoisonEventException e) {
                        work = batch.flushInto(work);
                        work = work.chain(() -> publisher.deadLetter(record, e.getMessage()));
                    }
                } else {
                    work = batch.flushInto(work);
                    work = work.chain(() -> apply(record, event));
                }
            }
            work = batch.flushInto(work);
        }
        return work;
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, ScanEvent event) {
        if (event instanceof ScanStarted started) {
            return staging.startScan(started.scanId(), started.clientId(), started.sourceId(), started.root(), started.startedAt(),
                    eventTime(record), record.partition());
        }
        if (event instanceof ScanHeartbeat heartbeat) {
            return staging.alive(heartbeat.scanId(), eventTime(record));
        }
        if (event instanceof ScanFailed failed) {
            return staging.endWithoutCommit(failed.scanId(), "FAILED", failed.reason());
        }
        if (event instanceof ScanPrincipalsCollected names) {
            return commits.savePrincipals(names.clientId(), names.principals());
        }
        ScanCompleted completed = (ScanCompleted) event;
        return tracing.consume(record, "commit scan", trace -> commit(record, completed, trace));
    }

    private Uni<Void> commit(ConsumerRecord<String, byte[]> record, ScanCompleted completed, Context trace) {
        long start = System.nanoTime();
        return commits.commit(completed).chain(outcome -> {
            if (outcome instanceof CommitOutcome.Committed committed) {
                if (!committed.repeated()) {
                    LOG.infof("Scan %s committed as snapshot %d of %s (%d folders, %d of them sent%s; the commit took %d ms)", completed.scanId(),
                            committed.event().snapshotId(), completed.sourceId(), completed.folderCount(), completed.sentFolders(),
                            committed.writtenInPlace() ? ", written in place" : "", (System.nanoTime() - start) / 1_000_000);
                    freshness.reached(Freshness.COMMITTED, completed.clientId(), completed.sourceId(), completed.completedAt());
                }
                return publisher.snapshotCommitted(committed.event(), trace);
            }
            if (outcome instanceof CommitOutcome.NotCommitted notCommitted) {
                LOG.warnf("Scan %s of %s changed nothing: %s", completed.scanId(), completed.sourceId(), notCommitted.reason());
                return Uni.createFrom().voidItem();
            }
            return publisher.deadLetter(record, "completion of scan " + completed.scanId() + " that never started");
        });
    }

    private static String json(List<Ace> dacl) {
        try {
            return EventCodec.mapper().writeValueAsString(dacl);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** When the collector sent the record: the producer's timestamp (CreateTime), never when this service read it. */
    static Instant eventTime(ConsumerRecord<String, byte[]> record) {
        return record.timestampType() == org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE ? Instant.now()
                : Instant.ofEpochMilli(record.timestamp());
    }

    /** Consecutive folder events, grouped per scan for one staging statement each. */
    private final class Batch {
        private final Map<String, ScanFolders> scans = new LinkedHashMap<>();

        /**
         * A scan's folders in this batch, the DACLs they define (hash → JSON), the fingerprints of its baseline's folders
         * it did not see, and the records that carried them.
         */
        private record ScanFolders(String clientId, List<StagedFolder> folders, Map<String, String> acls, List<String> removed,
                                   List<ConsumerRecord<String, byte[]>> records) {
            ScanFolders(String clientId) {
                this(clientId, new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
            }
        }

        void add(ConsumerRecord<String, byte[]> record, FolderScanned folder) {
            ScanFolders scan = scans.computeIfAbsent(folder.scanId(), id -> new ScanFolders(folder.clientId()));
            StagedFolder staged = StagedFolder.of(folder);
            scan.folders().add(staged);
            scan.acls().computeIfAbsent(staged.aclHash(), hash -> json(folder.dacl()));
            scan.records().add(record);
        }

        /** @throws PoisonEventException when a DACL is defined under a hash that is not its own (before anything is added) */
        void add(ConsumerRecord<String, byte[]> record, FoldersScanned batch) {
            for (Map.Entry<String, List<Ace>> definition : batch.acls().entrySet()) {
                String hash = AclHash.of(definition.getValue());
                if (!hash.equals(definition.getKey())) {
                    throw new PoisonEventException("the DACL defined as " + definition.getKey() + " has the hash " + hash);
                }
            }
            ScanFolders scan = scans.computeIfAbsent(batch.scanId(), id -> new ScanFolders(batch.clientId()));
            batch.acls().forEach((hash, dacl) -> scan.acls().computeIfAbsent(hash, h -> json(dacl)));
            for (ScannedFolder folder : batch.folders()) {
                scan.folders().add(StagedFolder.of(folder));
            }
            scan.removed().addAll(batch.removed());
            scan.records().add(record);
        }

        Uni<Void> flushInto(Uni<Void> work) {
            if (scans.isEmpty()) {
                return work;
            }
            Map<String, ScanFolders> pending = new LinkedHashMap<>(scans);
            scans.clear();
            for (Map.Entry<String, ScanFolders> scan : pending.entrySet()) {
                work = work.chain(() -> stage(scan.getKey(), scan.getValue()));
            }
            return work;
        }

        private Uni<Void> stage(String scanId, ScanFolders scan) {
            return staging.status(scanId).chain(status -> {
                if (status == null) {
                    Uni<Void> deadLetters = Uni.createFrom().voidItem();
                    for (ConsumerRecord<String, byte[]> record : scan.records()) {
                        deadLetters = deadLetters.chain(() -> publisher.deadLetter(record, "folder of scan " + scanId + " that never started"));
                    }
                    return deadLetters;
                }
                if (!"STAGING".equals(status)) {
                    return Uni.createFrom().voidItem(); // redelivered after the scan ended
                }
                Instant newest = scan.records().stream().map(ScanIngestService::eventTime).max(Instant::compareTo).orElseThrow();
                return staging.stage(scanId, scan.clientId(), scan.folders(), scan.acls(), scan.removed(), newest)
                        .onFailure(DataErrors::isDataError).recoverWithUni(e -> refused(scanId, scan.records(), e));
            });
        }

        /** The database refused this scan's data: the scan fails with the reason, its records go to the DLQ, the rest flows on. */
        private Uni<Void> refused(String scanId, List<ConsumerRecord<String, byte[]>> scanRecords, Throwable failure) {
            String reason = "the database refused a folder of this scan (" + DataErrors.describe(failure) + ")";
            LOG.warnf("Scan %s failed: %s", scanId, reason);
            Uni<Void> work = staging.endWithoutCommit(scanId, "FAILED", reason);
            for (ConsumerRecord<String, byte[]> record : scanRecords) {
                work = work.chain(() -> publisher.deadLetter(record, reason));
            }
            return work;
        }
    }
}
