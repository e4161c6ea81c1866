package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import java.time.Instant;

/** One semantic change found by comparing a snapshot with the one before it. Keyed by client id. */
public record AccessChanged(String eventId, long snapshotId, String clientId, String sourceId, String path,
                            ChangeKind kind, String principalSid, String principalName, Level before, Level after,
                            ChangeCause cause, Instant detectedAt) implements AclensEvent {
    public AccessChanged {
        requireNonNull(eventId, "eventId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        requireNonNull(path, "path");
        requireNonNull(kind, "kind");
        requireNonNull(cause, "cause");
    }

    @Override
    public String partitionKey() {
        return clientId;
    }
}
