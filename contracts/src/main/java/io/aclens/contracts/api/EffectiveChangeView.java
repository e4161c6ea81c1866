package io.aclens.contracts.api;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import java.time.Instant;

/** A person's effective level on a folder changed, and why (ACL edit, membership change, account change). */
public record EffectiveChangeView(long changeId, String trigger, String clientId, String sourceId, String path, String userSid,
                                  String login, String fullName, ChangeKind kind, Level before, Level after, ChangeCause cause,
                                  String detail, Instant detectedAt) {
}
