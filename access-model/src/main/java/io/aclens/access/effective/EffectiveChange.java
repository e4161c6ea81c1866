package io.aclens.access.effective;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;

/**
 * A person's effective level on a folder changed.
 *
 * @param detail what happened in words: "joined Finance-All", "account disabled", "the folder's ACL was edited"
 */
public record EffectiveChange(String userSid, String sourceId, String path, ChangeKind kind, Level before, Level after,
                              ChangeCause cause, String detail) {
}
