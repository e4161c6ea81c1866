package io.aclens.snapshot.messaging;

import io.aclens.snapshot.service.ScanIngestService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Scan events arrive in batches (one poll); the batch is acknowledged once every event in it is applied. */
@ApplicationScoped
public class ScanEventConsumer {
    private final ScanIngestService ingest;

    public ScanEventConsumer(ScanIngestService ingest) {
        this.ingest = ingest;
    }

    @Incoming("scans")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return ingest.ingest(records);
    }
}
