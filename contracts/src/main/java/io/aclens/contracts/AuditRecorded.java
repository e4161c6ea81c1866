package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Someone read or changed data through an ACLens API: who (the token's id, holder and role), what (the service, the
 * operation and the path), for which client ({@code null} for an MSP-wide call such as listing clients), when, and how it
 * was answered. Calls between the services themselves are not recorded.
 */
public record AuditRecorded(String eventId, String clientId, Instant at, String service, String tokenId, String holder, String role,
                            String method, String operation, String path, int status) implements AclensEvent {
    /** The key of MSP-wide entries. */
    public static final String NO_CLIENT = "-";

    public AuditRecorded {
        requireNonNull(eventId, "eventId");
        requireNonNull(at, "at");
        requireNonNull(service, "service");
        requireNonNull(method, "method");
        requireNonNull(path, "path");
    }

    @Override
    public String partitionKey() {
        return clientId == null ? NO_CLIENT : clientId;
    }
}
