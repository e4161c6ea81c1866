package io.aclens.collector.messaging;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.contracts.ScanEvent;
import io.aclens.support.messaging.EventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes a scan's events to Kafka ({@code acks=all}, idempotent producer, keyed by scan id so they stay
 * in order). Sends are asynchronous with a bounded number in flight; a scan is declared completed only
 * after every folder event was acknowledged by the broker.
 */
@ApplicationScoped
public class ScanEventPublisher {
    public static final String SOURCE = "/aclens/collector";
    private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(5);

    private final Emitter<byte[]> emitter;
    private final int maxInFlight;

    public ScanEventPublisher(@Channel("scans") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 50_000) Emitter<byte[]> emitter,
                              CollectorConfig config) {
        this.emitter = emitter;
        this.maxInFlight = config.maxInFlightEvents();
    }

    public Publication open() {
        return new Publication();
    }

    /** The events of one scan. Not shared between threads. */
    public final class Publication {
        private final Semaphore permits = new Semaphore(maxInFlight);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        public void send(ScanEvent event) {
            permits.acquireUninterruptibly();
            emitter.send(EventMessages.of(event, SOURCE)
                    .withAck(() -> {
                        permits.release();
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(error -> {
                        failure.compareAndSet(null, error);
                        permits.release();
                        return CompletableFuture.completedFuture(null);
                    }));
        }

        /** Waits until Kafka acknowledged (or refused) everything sent, then rethrows the first refusal. */
        public void flush() throws InterruptedException {
            if (!permits.tryAcquire(maxInFlight, FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Kafka did not acknowledge the scan's events within " + FLUSH_TIMEOUT);
            }
            permits.release(maxInFlight);
            Throwable error = failure.get();
            if (error != null) {
                throw new IllegalStateException("Kafka refused an event: " + error.getMessage(), error);
            }
        }

        public void sendAndFlush(ScanEvent event) throws InterruptedException {
            send(event);
            flush();
        }
    }
}
