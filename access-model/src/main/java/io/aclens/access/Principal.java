package io.aclens.access;

import java.util.Objects;

/**
 * A security principal keyed by SID. POSIX users and groups get Samba's synthetic SIDs
 * (S-1-22-1-uid, S-1-22-2-gid) so that every source shares one key space.
 *
 * @param name     the login or group name ("alice", "Everyone")
 * @param fullName the person's full name where the directory has one, else {@code null}
 */
public record Principal(String sid, String name, String fullName, PrincipalKind kind) {

    public Principal {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public String displayName() {
        return fullName == null || fullName.isBlank() ? name : fullName;
    }
}
