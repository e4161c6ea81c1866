package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import java.time.Instant;

/**
 * A person's effective level on a folder changed. Keyed by client id.
 *
 * @param trigger "snapshot-&lt;id&gt;" for an ACL edit found by a folder snapshot, "directory-snapshot-&lt;id&gt;" for a
 *                membership or account change
 * @param detail  the cause in words: "joined Finance-All", "account disabled", "the folder's permissions were edited"
 */
public record EffectiveAccessChanged(String eventId, String trigger, String clientId, String sourceId, String path, String userSid,
                                     String login, String fullName, ChangeKind kind, Level before, Level after, ChangeCause cause,
                                     String detail, Instant detectedAt) implements AclensEvent {
    public EffectiveAccessChanged {
        requireNonNull(eventId, "eventId");
        requireNonNull(trigger, "trigger");
        requireNonNull(clientId, "clientId");
        requireNonNull(path, "path");
        requireNonNull(userSid, "userSid");
        requireNonNull(kind, "kind");
        requireNonNull(cause, "cause");
    }

    @Override
    public String partitionKey() {
        return clientId;
    }
}
