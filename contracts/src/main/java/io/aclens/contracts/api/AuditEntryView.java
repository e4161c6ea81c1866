package io.aclens.contracts.api;

import java.time.Instant;

/** One audited API call: when, who (token id, holder, role), what (service, operation, path) and how it was answered. */
public record AuditEntryView(Instant at, String clientId, String service, String tokenId, String holder, String role, String method,
                             String operation, String path, int status) {
}
