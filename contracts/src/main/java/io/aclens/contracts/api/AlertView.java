package io.aclens.contracts.api;

import java.time.Instant;

/** One alert on one channel, as the alert log keeps it: PENDING, SENDING, RETRYING (with the reason) or SENT. */
public record AlertView(long alertId, String clientId, String channel, String eventKey, String subject, String state, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
