package io.aclens.collector.messaging;

import io.aclens.collector.repository.AuditRepository;
import io.aclens.contracts.AuditRecorded;
import io.aclens.contracts.EventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the audit trail every service writes. A record that does not decode goes to aclens.audit.v1.dlq; a database
 * that is away is retried for up to half a minute (inside the consumer's commit window) before the record goes there
 * too, from where ./aclens dlq replay brings it back.
 */
@ApplicationScoped
public class AuditConsumer {
    private final AuditRepository audit;

    public AuditConsumer(AuditRepository audit) {
        this.audit = audit;
    }

    @Incoming("audit-in")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        AuditRecorded entry = EventCodec.decode(record.headers(), record.value(), AuditRecorded.class);
        return audit.add(entry).onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(8)).atMost(5);
    }
}
