package io.aclens.access;

/** ACE inheritance flags, named as icacls and SDDL name them. */
public enum AceFlag {
    /** OI: inherited by files. */
    OBJECT_INHERIT,
    /** CI: inherited by subfolders. */
    CONTAINER_INHERIT,
    /** IO: does not apply to this folder, only to what inherits it. */
    INHERIT_ONLY,
    /** NP: inherited by direct children only. */
    NO_PROPAGATE,
    /** ID: this ACE was inherited from a parent. */
    INHERITED
}
