package io.aclens.collector.messaging;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.ScanEvent;
import io.aclens.support.messaging.EventMessages;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes a scan's events on the "scans" channel ({@code acks=all}, idempotent producer, keyed by scan id
 * so they stay in order). Lifecycle events go through the channel's emitter and are awaited; the folder
 * events of the hot path go straight to the channel's own Kafka producer (no per-message hand-off between
 * threads), asynchronously with a bounded number in flight. "Completed" is sent only after every folder
 * event was acknowledged, so it can never overtake one.
 */
@ApplicationScoped
public class ScanEventPublisher {
    public static final String SOURCE = "/aclens/collector";
    private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(5);

    private final MutinyEmitter<byte[]> lifecycle;
    private final KafkaClientService kafka;
    private final String topic;
    private final int maxInFlight;

    public ScanEventPublisher(@Channel("scans") MutinyEmitter<byte[]> lifecycle, KafkaClientService kafka,
                              @ConfigProperty(name = "mp.messaging.outgoing.scans.topic") String topic, CollectorConfig config) {
        this.lifecycle = lifecycle;
        this.kafka = kafka;
        this.topic = topic;
        this.maxInFlight = config.maxInFlightEvents();
    }

    /** The events of a scan, as part of the trace current now (the scan's span). */
    public Publication open() {
        return new Publication(kafka.<String, byte[]>getProducer("scans").unwrap(), Context.current());
    }

    /**
     * The events of one scan. {@link #send} may be called from several threads (parallel sources); flush from one.
     * Lifecycle events carry the scan's trace; folder events do not (70 bytes each, a million times, for a link the
     * scan id already makes).
     */
    public final class Publication {
        private final Producer<String, byte[]> producer;
        private final Context trace;
        private final Semaphore permits = new Semaphore(maxInFlight);
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        private Publication(Producer<String, byte[]> producer, Context trace) {
            this.producer = producer;
            this.trace = trace;
        }

        /** Sends a lifecycle event and waits for the broker's acknowledgement. */
        public void sendAndAwait(ScanEvent event) {
            lifecycle.sendMessageAndAwait(EventMessages.of(event, SOURCE, trace));
        }

        /** Sends a folder event without waiting; blocks only while {@code maxInFlight} are unacknowledged. */
        public void send(FolderScanned event) {
            permits.acquireUninterruptibly();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.partitionKey(), EventCodec.encode(event),
                    EventCodec.headers(event, SOURCE));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                permits.release();
            });
        }

        /** Waits until Kafka acknowledged (or refused) every folder event sent, then rethrows the first refusal. */
        public void flush() throws InterruptedException {
            if (!permits.tryAcquire(maxInFlight, FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Kafka did not acknowledge the scan's events within " + FLUSH_TIMEOUT);
            }
            permits.release(maxInFlight);
            Exception error = failure.get();
            if (error != null) {
                throw new IllegalStateException("Kafka refused an event: " + error.getMessage(), error);
            }
        }
    }
}
