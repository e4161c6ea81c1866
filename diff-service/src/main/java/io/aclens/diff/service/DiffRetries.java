package io.aclens.diff.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a diff that failed (snapshot service or database unreachable) is tried again before its event goes to the
 * dead-letter topic: exponential back-off from {@code aclens.diff.retry.initial-backoff}, at most
 * {@code aclens.diff.retry.max-attempts} times.
 */
@ApplicationScoped
public class DiffRetries {
    private final Duration initialBackoff;
    private final int maxAttempts;

    public DiffRetries(@ConfigProperty(name = "aclens.diff.retry.initial-backoff") Duration initialBackoff,
                       @ConfigProperty(name = "aclens.diff.retry.max-attempts") int maxAttempts) {
        this.initialBackoff = initialBackoff;
        this.maxAttempts = maxAttempts;
    }

    public <T> Uni<T> retried(Uni<T> work) {
        return work.onFailure().retry().withBackOff(initialBackoff, initialBackoff.multipliedBy(30)).atMost(maxAttempts);
    }
}
