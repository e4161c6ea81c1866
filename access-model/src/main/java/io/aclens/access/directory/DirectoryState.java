package io.aclens.access.directory;

import io.aclens.access.Principal;
import io.aclens.access.WellKnownSids;
import io.aclens.access.effective.AccessToken;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A client's directory at one moment (one or more directories merged): who exists, who is enabled, and the
 * access token each user carries on a file server.
 */
public final class DirectoryState {
    /** A domain's "Domain Users" group: a member server puts it into BUILTIN\Users when it joins. */
    private static final String DOMAIN_USERS_RID = "-513";
    private static final Comparator<DirectoryEntry> PEOPLE_ORDER = Comparator
            .comparing((DirectoryEntry e) -> e.fullName() == null ? e.name() : e.fullName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(DirectoryEntry::sid);

    private final Map<String, DirectoryEntry> entries = new LinkedHashMap<>();

    public DirectoryState(Collection<DirectoryEntry> entries) {
        entries.forEach(entry -> this.entries.put(entry.sid(), entry));
    }

    public static DirectoryState empty() {
        return new DirectoryState(List.of());
    }

    public Collection<DirectoryEntry> entries() {
        return entries.values();
    }

    public Optional<DirectoryEntry> entry(String sid) {
        return Optional.ofNullable(entries.get(sid));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every user, enabled or not, by display name. */
    public List<DirectoryEntry> users() {
        return entries.values().stream().filter(DirectoryEntry::describesUser).sorted(PEOPLE_ORDER).toList();
    }

    /** The people a report shows by default: enabled accounts. */
    public List<DirectoryEntry> enabledUsers() {
        return users().stream().filter(DirectoryEntry::enabled).toList();
    }

    /** A user by SID, login or user principal name (case-insensitive). */
    public Optional<DirectoryEntry> findUser(String key) {
        DirectoryEntry bySid = entries.get(key);
        if (bySid != null && bySid.describesUser()) {
            return Optional.of(bySid);
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return entries.values().stream().filter(DirectoryEntry::describesUser)
                .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(lower)
                        || (e.userPrincipalName() != null && e.userPrincipalName().toLowerCase(Locale.ROOT).equals(lower)))
                .findFirst();
    }

    /**
     * The groups {@code sid} is a direct member of. A domain's Domain Users group is a member of BUILTIN\Users,
     * as on every domain-joined file server, unless the directory itself describes BUILTIN\Users' members.
     */
    public List<String> directGroups(String sid) {
        DirectoryEntry entry = entries.get(sid);
        List<String> groups = entry == null ? List.of() : entry.memberOf();
        if (sid.endsWith(DOMAIN_USERS_RID) && sid.startsWith("S-1-5-21-") && !entries.containsKey(WellKnownSids.BUILTIN_USERS)
                && !groups.contains(WellKnownSids.BUILTIN_USERS)) {
            List<String> withBuiltin = new ArrayList<>(groups);
            withBuiltin.add(WellKnownSids.BUILTIN_USERS);
            return withBuiltin;
        }
        return groups;
    }

    /** The user's token: transitive groups (cycles end), primary group, Everyone, Authenticated Users. */
    public AccessToken token(String userSid) {
        DirectoryEntry user = entries.get(userSid);
        return AccessToken.of(userSid, user == null ? null : user.primaryGroupSid(), this::directGroups);
    }

    /** A SID named for people: users with their full names, groups by name, empty when the directory does not know it. */
    public Optional<Principal> principal(String sid) {
        DirectoryEntry entry = entries.get(sid);
        return entry == null ? Optional.empty() : Optional.of(new Principal(sid, entry.name(), entry.fullName(), entry.kind()));
    }

    /** A name for any SID: the directory's, a well-known one, or the SID itself. */
    public String nameOf(String sid) {
        return principal(sid).or(() -> WellKnownSids.lookup(sid)).map(Principal::name).orElse(sid);
    }

    /** Whether a SID is known to the directory or is well known; an ACE naming anything else is orphaned. */
    public boolean resolves(String sid) {
        return entries.containsKey(sid) || WellKnownSids.lookup(sid).isPresent();
    }
}
