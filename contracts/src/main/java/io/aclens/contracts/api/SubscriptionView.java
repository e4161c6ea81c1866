package io.aclens.contracts.api;

import java.time.Instant;
import java.util.List;

/** A stored subscription with the next time its schedule fires. */
public record SubscriptionView(String clientId, String name, List<String> to, List<String> cc, String language, String timeZone, String cadence,
                               String cron, boolean sendWhenUnchanged, List<String> sources, List<String> pathPrefixes, List<String> departments,
                               List<String> contents, Instant nextDeliveryAt, Instant createdAt, Instant updatedAt) {
}
