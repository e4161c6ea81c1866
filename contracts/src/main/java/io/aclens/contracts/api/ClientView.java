package io.aclens.contracts.api;

import java.time.Instant;

/**
 * A client as the collector knows it: registered over the API ({@code origin} "registered") or only named by
 * the collector's configuration files ("configuration"), with how many sources and directories it has.
 */
public record ClientView(String clientId, String displayName, String origin, int sources, int directories, Instant createdAt) {
}
