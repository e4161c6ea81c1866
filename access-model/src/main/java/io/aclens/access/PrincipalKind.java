package io.aclens.access;

public enum PrincipalKind {
    USER,
    GROUP,
    WELL_KNOWN,
    /** A SID no directory resolves: an orphaned account, a finding rather than an error. */
    UNRESOLVED
}
