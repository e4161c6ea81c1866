package io.aclens.access;

/**
 * One semantic change on one folder. {@code sid} names the principal whose level changed, the new owner
 * for {@link ChangeKind#OWNER_CHANGED}, and is {@code null} for folder-level changes.
 */
public record AccessChange(String path, ChangeKind kind, String sid, Level before, Level after, ChangeCause cause) {
}
