package io.aclens.snapshot.messaging;

import io.aclens.snapshot.service.DirectoryIngestService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Directory sync events, one at a time (a sync is a few events of a few hundred entries each). */
@ApplicationScoped
public class DirectoryEventConsumer {
    private final DirectoryIngestService ingest;

    public DirectoryEventConsumer(DirectoryIngestService ingest) {
        this.ingest = ingest;
    }

    @Incoming("directory")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return ingest.ingest(record);
    }
}
