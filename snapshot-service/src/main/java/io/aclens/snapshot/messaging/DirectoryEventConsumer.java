package io.aclens.snapshot.messaging;

import io.aclens.snapshot.service.DirectoryIngestService;
import io.aclens.support.messaging.Transience;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Directory sync events, one at a time (a sync is a few events of a few hundred entries each). */
@ApplicationScoped
public class DirectoryEventConsumer {
    /** The database or Kafka away: the batch waits and is tried again, its partition behind it, until they are back. */
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final DirectoryIngestService ingest;

    public DirectoryEventConsumer(DirectoryIngestService ingest) {
        this.ingest = ingest;
    }

    @Incoming("directory")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Transience.retriedWhileTransient(ingest.ingest(record), RETRY_FIRST, RETRY_MAX, "Ingesting directory events");
    }
}
