package io.aclens.collector.messaging;

import io.aclens.collector.repository.AuditRepository;
import io.aclens.contracts.AuditRecorded;
import io.aclens.contracts.EventCodec;
import io.aclens.support.messaging.DeadLetters;
import io.aclens.support.messaging.Transience;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the audit trail every service writes, a poll's entries in one round trip (every API call makes one; a row each
 * cost the collector and the database more than the call itself). A record that does not decode, or an entry the database
 * refuses, goes to aclens.audit.v1.dlq with the reason, the others are kept; a database that is away is waited for, so
 * no entry is lost or dead-lettered for it.
 */
@ApplicationScoped
public class AuditConsumer {
    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final AuditRepository audit;
    private final MutinyEmitter<byte[]> deadLetters;

    public AuditConsumer(AuditRepository audit, @Channel("audit-dead-letters") MutinyEmitter<byte[]> deadLetters) {
        this.audit = audit;
        this.deadLetters = deadLetters;
    }

    private record Entry(ConsumerRecord<String, byte[]> record, AuditRecorded entry) {
    }

    @Incoming("audit-in")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        List<Entry> entries = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                entries.add(new Entry(record, EventCodec.decode(record.headers(), record.value(), AuditRecorded.class)));
            } catch (RuntimeException e) {
                poison.add(deadLetter(record, e.getMessage()));
            }
        }
        Uni<Void> kept = entries.isEmpty() ? Uni.createFrom().voidItem()
                : retried(audit.addAll(entries.stream().map(Entry::entry).toList()))
                        .onFailure().recoverWithUni(refused -> oneByOne(entries));
        return kept.chain(() -> poison.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(poison).andFailFast().replaceWithVoid());
    }

    /** The database refused the poll's entries together: each is tried alone, and only what it refuses is dead-lettered. */
    private Uni<Void> oneByOne(List<Entry> entries) {
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(one -> retried(audit.addAll(List.of(one.entry())))
                        .onFailure().recoverWithUni(refused -> deadLetter(one.record(), "The audit trail refused the entry: " + refused.getMessage())))
                .collect().last().replaceWithVoid();
    }

    private static Uni<Void> retried(Uni<Void> write) {
        return Transience.retriedWhileTransient(write, RETRY_FIRST, RETRY_MAX, "Keeping audit entries");
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return deadLetters.sendMessage(DeadLetters.of(record, reason));
    }
}
