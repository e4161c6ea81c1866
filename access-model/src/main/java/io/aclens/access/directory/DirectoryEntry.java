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
 * @param distribution    a distribution group (AD groupType without the security bit): a real object that never
 *                        enters a logon token, so it grants its members nothing
 * @param accountExpires  when the account stops being able to log on (AD accountExpires), null for never
 */
public record DirectoryEntry(String sid, PrincipalKind kind, String name, String userPrincipalName, String fullName,
                             String mail, String department, String title, boolean enabled, Instant lastLogon,
                             String primaryGroupSid, String scope, List<String> memberOf, boolean distribution,
                             Instant accountExpires) {
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

    /** A security group or an account that never expires: what most directories describe. */
    public DirectoryEntry(String sid, PrincipalKind kind, String name, String userPrincipalName, String fullName, String mail,
                          String department, String title, boolean enabled, Instant lastLogon, String primaryGroupSid, String scope,
                          List<String> memberOf) {
        this(sid, kind, name, userPrincipalName, fullName, mail, department, title, enabled, lastLogon, primaryGroupSid, scope, memberOf,
                false, null);
    }

    public static DirectoryEntry group(String sid, String name, String scope, List<String> memberOf) {
        return new DirectoryEntry(sid, PrincipalKind.GROUP, name, null, null, null, null, null, true, null, null, scope, memberOf);
    }

    public static DirectoryEntry distributionGroup(String sid, String name, String scope, List<String> memberOf) {
        return new DirectoryEntry(sid, PrincipalKind.GROUP, name, null, null, null, null, null, true, null, null, scope, memberOf, true, null);
    }

    /** Not "isUser": a bean getter would add a "user" property to the JSON. */
    public boolean describesUser() {
        return kind == PrincipalKind.USER;
    }

    /** Whether the account can log on at {@code at}: enabled and not expired (groups always can be in a token). */
    public boolean canLogOnAt(Instant at) {
        return enabled && (accountExpires == null || accountExpires.isAfter(at));
    }

    /** Why an account cannot log on at {@code at}, or null when it can. */
    public String dormancyAt(Instant at) {
        if (!enabled) {
            return "account disabled";
        }
        return accountExpires != null && !accountExpires.isAfter(at) ? "account expired" : null;
    }
}
