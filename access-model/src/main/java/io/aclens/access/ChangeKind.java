package io.aclens.access;

public enum ChangeKind {
    GRANTED,
    REVOKED,
    RAISED,
    LOWERED,
    FOLDER_ADDED,
    FOLDER_REMOVED,
    INHERITANCE_BROKEN,
    INHERITANCE_RESTORED,
    OWNER_CHANGED
}
