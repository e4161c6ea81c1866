package io.aclens.diff.service;

import io.aclens.support.messaging.Transience;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How a diff that failed is tried again. A transient failure (the snapshot service or the database down or restarting)
 * is retried until it passes, with back-off from {@code aclens.diff.retry.initial-backoff} up to
 * {@code aclens.diff.retry.max-backoff}: the event waits, its partition waits behind it (a client's snapshots stay in
 * order) and consumer lag shows it — it is never dead-lettered. Any other failure is tried
 * {@code aclens.diff.retry.max-attempts} times, then the event goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class DiffRetries {
    private static final Logger LOG = Logger.getLogger(DiffRetries.class);

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;

    public DiffRetries(@ConfigProperty(name = "aclens.diff.retry.initial-backoff") Duration initialBackoff,
                       @ConfigProperty(name = "aclens.diff.retry.max-backoff") Duration maxBackoff,
                       @ConfigProperty(name = "aclens.diff.retry.max-attempts") int maxAttempts) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
    }

    public <T> Uni<T> retried(Uni<T> work) {
        AtomicInteger failures = new AtomicInteger();
        return work.onFailure(failure -> {
                    int attempt = failures.incrementAndGet();
                    boolean transientFailure = Transience.isTransient(failure);
                    if (transientFailure) {
                        LOG.warnf("Diff failed for a passing reason (attempt %d), trying again: %s", attempt, failure.toString());
                    }
                    return transientFailure || attempt <= maxAttempts;
                })
                .retry().withBackOff(initialBackoff, maxBackoff).indefinitely();
    }
}
