package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.Principal;
import java.util.List;

/**
 * One chunk of the principals a scan's entries name, with the names the source resolved; published after the scan's
 * folders and before its {@link ScanCompleted}, in chunks that stay below Kafka's message limit however many accounts
 * a share names (about 7,000 would not fit in one message).
 */
public record ScanPrincipalsCollected(String eventId, String scanId, String clientId, String sourceId, int chunk,
                                      List<Principal> principals) implements ScanEvent {
    public ScanPrincipalsCollected {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        principals = principals == null ? List.of() : List.copyOf(principals);
    }
}
