package io.aclens.access;

public enum AceType {
    ALLOW,
    DENY
}
