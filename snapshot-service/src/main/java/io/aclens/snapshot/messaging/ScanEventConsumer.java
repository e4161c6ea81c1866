package io.aclens.snapshot.messaging;

import io.aclens.snapshot.service.ScanIngestService;
import io.aclens.support.messaging.Transience;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Scan events arrive in batches (one poll); the batch is acknowledged once every event in it is applied. */
@ApplicationScoped
public class ScanEventConsumer {
    /** The database or Kafka away: the batch waits and is tried again, its partition behind it, until they are back. */
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final ScanIngestService ingest;

    public ScanEventConsumer(ScanIngestService ingest) {
        this.ingest = ingest;
    }

    @Incoming("scans")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return Transience.retriedWhileTransient(ingest.ingest(records), RETRY_FIRST, RETRY_MAX, "Ingesting scans events");
    }
}
