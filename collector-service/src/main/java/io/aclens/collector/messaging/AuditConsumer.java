package io.aclens.collector.messaging;

import io.aclens.collector.repository.AuditRepository;
import io.aclens.contracts.AuditRecorded;
import io.aclens.contracts.EventCodec;
import io.aclens.support.messaging.Transience;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the audit trail every service writes. A record that does not decode goes to aclens.audit.v1.dlq; a database
 * that is away is waited for, so no entry is lost or dead-lettered for it.
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
        return Transience.retriedWhileTransient(audit.add(entry), Duration.ofSeconds(1), Duration.ofSeconds(30), "Keeping an audit entry");
    }
}
