package io.aclens.snapshot.service;

import io.aclens.contracts.DirectoryEntriesCollected;
import io.aclens.contracts.DirectoryEvent;
import io.aclens.contracts.DirectorySyncCompleted;
import io.aclens.contracts.DirectorySyncFailed;
import io.aclens.contracts.DirectorySyncStarted;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.PoisonEventException;
import io.aclens.snapshot.messaging.SnapshotEventPublisher;
import io.aclens.snapshot.repository.DirectoryRepository;
import io.aclens.support.tracing.EventTracing;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies directory sync events in order: chunks are staged, a completion commits the directory's new state
 * and publishes "directory snapshot committed" (again, with the same id, when redelivered), a failure drops
 * the staged entries. A record that does not decode goes to aclens.directory.v1.dlq with the reason.
 */
@ApplicationScoped
public class DirectoryIngestService {
    private static final Logger LOG = Logger.getLogger(DirectoryIngestService.class);

    private final DirectoryRepository directories;
    private final SnapshotEventPublisher publisher;

    private final EventTracing tracing;

    public DirectoryIngestService(DirectoryRepository directories, SnapshotEventPublisher publisher, EventTracing tracing) {
        this.directories = directories;
        this.publisher = publisher;
        this.tracing = tracing;
    }

    public Uni<Void> ingest(ConsumerRecord<String, byte[]> record) {
        DirectoryEvent event;
        try {
            event = EventCodec.decode(record.headers(), record.value(), DirectoryEvent.class);
        } catch (PoisonEventException e) {
            return publisher.directoryDeadLetter(record, e.getMessage());
        }
        if (event instanceof DirectorySyncStarted started) {
            return directories.start(started);
        }
        if (event instanceof DirectoryEntriesCollected chunk) {
            return directories.stage(chunk);
        }
        if (event instanceof DirectorySyncFailed failed) {
            return directories.fail(failed.syncId(), failed.reason());
        }
        DirectorySyncCompleted completed = (DirectorySyncCompleted) event;
        return tracing.consume(record, "commit directory sync", trace -> commit(completed, trace));
    }

    private Uni<Void> commit(DirectorySyncCompleted completed, Context trace) {
        return directories.commit(completed).chain(outcome -> {
            if (outcome.committed().isEmpty()) {
                LOG.warnf("Directory sync %s of %s not committed: %s", completed.syncId(), completed.directoryId(), outcome.refusal());
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Directory sync %s of %s committed as directory snapshot %d (%d entries)", completed.syncId(), completed.directoryId(),
                    outcome.committed().get().directorySnapshotId(), completed.entryCount());
            return publisher.directorySnapshotCommitted(outcome.committed().get(), trace);
        });
    }
}
