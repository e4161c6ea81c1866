package io.aclens.contracts.api;

import java.time.Instant;

/**
 * One package of one subscription for one period, as the delivery log keeps it: {@code PENDING}, {@code SENDING},
 * {@code RETRYING} (the reason in {@code lastError}, the next try at {@code nextAttemptAt}), {@code SENT} or
 * {@code SKIPPED} (nothing changed and the subscription sends only changes). Its changes are those diffed from
 * {@code changesFrom} (the previous package's {@code changesTo}) to {@code changesTo}.
 */
public record DeliveryView(long deliveryId, String clientId, String subscription, String period, String state, int attempts,
                           Instant nextAttemptAt, String lastError, String messageId, Long reportId, Instant changesFrom, Instant changesTo,
                           Instant createdAt, Instant sentAt) {
}
