package io.aclens.diff.messaging;

import io.aclens.contracts.EventCodec;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.diff.service.DiffService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * One "snapshot committed" at a time. A record that does not decode throws a PoisonEventException, which
 * the channel's dead-letter-queue strategy sends to aclens.snapshots.v1.dlq with that reason.
 */
@ApplicationScoped
public class SnapshotEventConsumer {
    private final DiffService diff;

    public SnapshotEventConsumer(DiffService diff) {
        this.diff = diff;
    }

    @Incoming("snapshots")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return diff.onSnapshotCommitted(EventCodec.decode(record.headers(), record.value(), SnapshotCommitted.class));
    }
}
