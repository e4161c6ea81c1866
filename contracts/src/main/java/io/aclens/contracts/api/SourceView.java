package io.aclens.contracts.api;

import java.time.Instant;

/** A registered source as anyone may see it: its settings, whether a password is stored, never the password. */
public record SourceView(String clientId, String name, String sourceId, String cron, boolean passwordStored, SourceSettings settings,
                         Instant updatedAt) {
}
