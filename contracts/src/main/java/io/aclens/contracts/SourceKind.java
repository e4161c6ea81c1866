package io.aclens.contracts;

public enum SourceKind {
    LOCAL_POSIX,
    SMB,
    AGENT_UPLOAD,
    ICACLS_IMPORT
}
