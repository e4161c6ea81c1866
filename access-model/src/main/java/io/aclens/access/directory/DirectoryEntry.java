package io.aclens.access.directory;

import static java.util.Objects.requireNonNull;

import io.aclens.access.PrincipalKind;
import java.time.Instant;
import java.util.List;

/**
 * A user or group as a directory describes it at one moment, keyed by SID. Membership is carried on the
 * member ({@code memberOf}: the groups it is a direct member of), so "Petrova was added to Finance" is a
 * change of Petrova's entry and a nested group is a change of the nested group's entry.
 *
 * @param kind            {@link PrincipalKind#USER} or {@link PrincipalKind#GROUP}
 * @param name            the login (sAMAccountName, uid) or the group's name
 * @param primaryGroupSid the user's primary group (AD's primaryGroupID, a POSIX gid), not repeated in memberOf
 * @param scope           a group's scope and type ("global security", "posix"), null for users
 * @param lastLogon       the last logon the directory knows, or null
 */
public record DirectoryEntry(String sid, PrincipalKind kind, String name, String userPrincipalName, String fullName,
                             String mail, String department, String title, boolean enabled, Instant lastLogon,
                             String primaryGroupSid, String scope, List<String> memberOf) {
    public DirectoryEntry {
        requireNonNull(sid, "sid");
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        if (kind != PrincipalKind.USER && kind != PrincipalKind.GROUP) {
            throw new IllegalArgumentException("a directory entry is a user or a group, not " + kind);
        }
        // sorted, so an unchanged entry reads the same however the directory ordered its values
        memberOf = memberOf == null ? List.of() : memberOf.stream().sorted().distinct().toList();
    }

    public static DirectoryEntry group(String sid, String name, String scope, List<String> memberOf) {
        return new DirectoryEntry(sid, PrincipalKind.GROUP, name, null, null, null, null, null, true, null, null, scope, memberOf);
    }

    /** Not "isUser": a bean getter would add a "user" property to the JSON. */
    public boolean describesUser() {
        return kind == PrincipalKind.USER;
    }
}
