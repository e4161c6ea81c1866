package io.aclens.contracts.api;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import java.time.Instant;

/** A stored change, as the diff service's REST API returns it. */
public record ChangeView(long changeId, long snapshotId, String clientId, String sourceId, String path, ChangeKind kind,
                         String principalSid, String principalName, Level before, Level after, ChangeCause cause,
                         Instant detectedAt) {
}
