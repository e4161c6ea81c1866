package io.aclens.report.messaging;

import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.EventCodec;
import io.aclens.report.repository.AlertRepository;
import io.aclens.report.repository.SourceStateRepository;
import io.aclens.support.messaging.Transience;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns which snapshot each source is at once its changes are known, so a report never shows a matrix
 * newer than its changes, and asks for the client's alerts to be checked. Poison records go to aclens.change-sets.v1.dlq (channel strategy); a database that is away is
 * waited for, never a reason to dead-letter.
 */
@ApplicationScoped
public class ChangeSetConsumer {
    private final SourceStateRepository sources;
    private final AlertRepository alerts;

    public ChangeSetConsumer(SourceStateRepository sources, AlertRepository alerts) {
        this.sources = sources;
        this.alerts = alerts;
    }

    @Incoming("change-sets")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        ChangeSetCompleted changeSet = EventCodec.decode(record.headers(), record.value(), ChangeSetCompleted.class);
        return Transience.retriedWhileTransient(sources.advance(changeSet.clientId(), changeSet.sourceId(), changeSet.snapshotId())
                        .chain(() -> alerts.requestCheck(changeSet.clientId())),
                Duration.ofSeconds(1), Duration.ofSeconds(30), "Recording change set of snapshot " + changeSet.snapshotId());
    }
}
