package io.aclens.snapshot.messaging;

import io.aclens.contracts.DirectorySnapshotCommitted;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.support.messaging.DeadLetters;
import io.aclens.support.messaging.EventMessages;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/** What the snapshot service publishes; each Uni completes when the broker has acknowledged the record. */
@ApplicationScoped
public class SnapshotEventPublisher {
    private static final Logger LOG = Logger.getLogger(SnapshotEventPublisher.class);
    private static final String SOURCE = "/aclens/snapshot";

    private final MutinyEmitter<byte[]> snapshots;
    private final MutinyEmitter<byte[]> deadLetters;
    private final MutinyEmitter<byte[]> directoryDeadLetters;

    public SnapshotEventPublisher(@Channel("snapshots") MutinyEmitter<byte[]> snapshots,
                                  @Channel("scans-dead-letters") MutinyEmitter<byte[]> deadLetters,
                                  @Channel("directory-dead-letters") MutinyEmitter<byte[]> directoryDeadLetters) {
        this.snapshots = snapshots;
        this.deadLetters = deadLetters;
        this.directoryDeadLetters = directoryDeadLetters;
    }

    public Uni<Void> snapshotCommitted(SnapshotCommitted event, Context trace) {
        return snapshots.sendMessage(EventMessages.of(event, SOURCE, trace));
    }

    public Uni<Void> directorySnapshotCommitted(DirectorySnapshotCommitted event, Context trace) {
        return snapshots.sendMessage(EventMessages.of(event, SOURCE, trace));
    }

    public Uni<Void> directoryDeadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return directoryDeadLetters.sendMessage(DeadLetters.of(record, reason));
    }

    public Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return deadLetters.sendMessage(DeadLetters.of(record, reason));
    }
}
