package io.aclens.diff.messaging;

import io.aclens.contracts.AclensEvent;
import io.aclens.contracts.DirectorySnapshotCommitted;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.PoisonEventException;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.diff.service.DiffService;
import io.aclens.diff.service.DirectoryDiffService;
import io.aclens.support.tracing.EventTracing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * One committed snapshot at a time, folder or directory, in the order a client's snapshots were committed.
 * A record that does not decode throws a PoisonEventException, which the channel's dead-letter-queue
 * strategy sends to aclens.snapshots.v1.dlq with that reason.
 */
@ApplicationScoped
public class SnapshotEventConsumer {
    private final DiffService diff;
    private final DirectoryDiffService directoryDiff;
    private final EventTracing tracing;

    public SnapshotEventConsumer(DiffService diff, DirectoryDiffService directoryDiff, EventTracing tracing) {
        this.diff = diff;
        this.directoryDiff = directoryDiff;
        this.tracing = tracing;
    }

    @Incoming("snapshots")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        AclensEvent event = EventCodec.decode(record.headers(), record.value());
        if (event instanceof SnapshotCommitted snapshot) {
            return tracing.consume(record, "diff snapshot", trace -> diff.onSnapshotCommitted(snapshot, trace));
        }
        if (event instanceof DirectorySnapshotCommitted directory) {
            return tracing.consume(record, "diff directory snapshot", trace -> directoryDiff.onDirectorySnapshotCommitted(directory, trace));
        }
        throw new PoisonEventException("A " + event.getClass().getSimpleName() + " does not belong on the snapshots topic");
    }
}
