package io.aclens.collector.messaging;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScanEvent;
import io.aclens.support.messaging.EventMessages;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes a scan's events on the "scans" channel ({@code acks=all}, idempotent producer, keyed by scan id
 * so they stay in order). Lifecycle events go through the channel's emitter and are awaited; the folders of the hot
 * path go in batches ({@link FolderBatches}) straight to the channel's own Kafka producer (no per-message hand-off
 * between threads), asynchronously with a bounded number of folders in flight. "Completed" is sent only after every
 * batch was acknowledged, so it can never overtake one.
 */
@ApplicationScoped
public class ScanEventPublisher {
    public static final String SOURCE = "/aclens/collector";
    private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(5);

    private final MutinyEmitter<byte[]> lifecycle;
    private final KafkaClientService kafka;
    private final String topic;
    private final int maxInFlight;
    private final int foldersPerEvent;

    public ScanEventPublisher(@Channel("scans") MutinyEmitter<byte[]> lifecycle, KafkaClientService kafka,
                              @ConfigProperty(name = "mp.messaging.outgoing.scans.topic") String topic, CollectorConfig config) {
        this.lifecycle = lifecycle;
        this.kafka = kafka;
        this.topic = topic;
        this.maxInFlight = config.maxInFlightEvents();
        this.foldersPerEvent = Math.min(config.foldersPerEvent(), config.maxInFlightEvents());
    }

    /** The events of a scan that sends every folder, as part of the trace current now (the scan's span). */
    public Publication open(String scanId, String clientId, String sourceId) {
        return open(scanId, clientId, sourceId, null);
    }

    /**
     * The same, sending only what changed against the baseline when there is one (the future's value, null if none); the
     * folders read before it arrived wait for it.
     */
    public Publication open(String scanId, String clientId, String sourceId, CompletableFuture<Baseline> baseline) {
        return new Publication(kafka.<String, byte[]>getProducer("scans").unwrap(), Context.current(), scanId, clientId, sourceId, baseline);
    }

    /** The events of one scan. {@link #folder} may be called from several threads (parallel sources); flush from one. */
    public final class Publication {
        private final Producer<String, byte[]> producer;
        private final Context trace;
        private final Semaphore permits = new Semaphore(maxInFlight);
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final FolderBatches batches;

        private Publication(Producer<String, byte[]> producer, Context trace, String scanId, String clientId, String sourceId,
                            CompletableFuture<Baseline> baseline) {
            this.producer = producer;
            this.trace = trace;
            this.batches = new FolderBatches(scanId, clientId, sourceId, foldersPerEvent, baseline, this::ready);
        }

        /** The baseline the scan sent changes against; null when it sent every folder. Known after {@link #flush()}. */
        public Baseline baseline() {
            return batches.baseline();
        }

        /** The snapshot the scan sent changes against; null when it sent every folder. Known after {@link #flush()}. */
        public Long baselineSnapshotId() {
            Baseline baseline = batches.baseline();
            return baseline == null ? null : baseline.snapshotId();
        }

        /** Folders found in the baseline as they are, not sent. */
        public long unchangedFolders() {
            return batches.unchanged();
        }

        /** The baseline's folders not found as they were (gone, or changed), sent as removed; known after {@link #flush()}. */
        public long removedFolders() {
            return batches.removed();
        }

        /** Sends a lifecycle event and waits for the broker's acknowledgement. */
        public void sendAndAwait(ScanEvent event) {
            lifecycle.sendMessageAndAwait(EventMessages.of(event, SOURCE, trace));
        }

        /** Adds a folder to the scan's current batch, sent when full; blocks only while {@code maxInFlight} folders are unacknowledged. */
        public void folder(CollectedFolder folder, String listError) {
            batches.add(folder, listError);
        }

        /** Sends the last batch, waits until Kafka acknowledged (or refused) every batch sent, then rethrows the first refusal. */
        public void flush() throws InterruptedException {
            batches.close();
            if (!permits.tryAcquire(maxInFlight, FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Kafka did not acknowledge the scan's events within " + FLUSH_TIMEOUT);
            }
            permits.release(maxInFlight);
            Exception error = failure.get();
            if (error != null) {
                throw new IllegalStateException("Kafka refused an event: " + error.getMessage(), error);
            }
        }

        /** Encodes the batch (in the calling thread) and answers its sending, which waits while too many folders are unacknowledged. */
        private Runnable ready(FoldersScanned batch) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, batch.partitionKey(), EventCodec.encode(batch),
                    EventMessages.headers(batch, SOURCE, trace));
            int folders = Math.max(1, batch.folders().size()); // a batch of removals only is awaited too
            return () -> {
                permits.acquireUninterruptibly(folders);
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    permits.release(folders);
                });
            };
        }
    }
}
