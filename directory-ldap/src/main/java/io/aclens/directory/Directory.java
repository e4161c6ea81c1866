package io.aclens.directory;

import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory read at one moment: users, groups and who is a direct member of what, by SID. Members from
 * trusted domains appear as foreign security principals (CN=&lt;SID&gt;,CN=ForeignSecurityPrincipals,…) and
 * are kept by their SID.
 */
public final class Directory {
    private static final Pattern FOREIGN = Pattern.compile("(?i)^CN=(S-1-[0-9-]+),CN=ForeignSecurityPrincipals,.*");

    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<String, DirectoryGroup> groups = new HashMap<>();
    private final Map<String, List<String>> groupsOfMember = new HashMap<>();

    public Directory(List<DirectoryUser> users, List<DirectoryGroup> groups) {
        Map<String, String> sidByDn = new HashMap<>();
        users.forEach(u -> {
            this.users.put(u.sid(), u);
            sidByDn.put(u.dn().toLowerCase(Locale.ROOT), u.sid());
        });
        groups.forEach(g -> {
            this.groups.put(g.sid(), g);
            sidByDn.put(g.dn().toLowerCase(Locale.ROOT), g.sid());
        });
        for (DirectoryGroup group : groups) {
            for (String memberDn : group.memberDns()) {
                memberSid(memberDn, sidByDn).ifPresent(member ->
                        groupsOfMember.computeIfAbsent(member, m -> new ArrayList<>()).add(group.sid()));
            }
        }
    }

    public List<DirectoryUser> users() {
        return List.copyOf(users.values());
    }

    public List<DirectoryGroup> groups() {
        return List.copyOf(groups.values());
    }

    public Optional<DirectoryUser> user(String sid) {
        return Optional.ofNullable(users.get(sid));
    }

    /** The groups {@code sid} is a direct member of (the primary group is not among them). */
    public List<String> directGroups(String sid) {
        return groupsOfMember.getOrDefault(sid, List.of());
    }

    /**
     * What the directory says, as the events and the effective-access engine carry it. Well-known SIDs that are
     * members of a group (Authenticated Users and INTERACTIVE in CN=Builtin's Users, as foreign security principals)
     * become entries of their own, so their membership reaches every token that holds them.
     */
    public List<DirectoryEntry> entries() {
        List<DirectoryEntry> entries = new ArrayList<>(users.size() + groups.size());
        for (DirectoryUser u : users.values()) {
            entries.add(new DirectoryEntry(u.sid(), PrincipalKind.USER, u.login(), u.userPrincipalName(), u.fullName(), u.mail(),
                    u.department(), u.title(), u.enabled(), u.lastLogon(), u.primaryGroupSid(), null, directGroups(u.sid()), false,
                    u.accountExpires()));
        }
        for (DirectoryGroup g : groups.values()) {
            entries.add(new DirectoryEntry(g.sid(), PrincipalKind.GROUP, g.name(), null, null, null, null, null, true, null, null, g.scope(),
                    directGroups(g.sid()), g.distribution(), null));
        }
        groupsOfMember.forEach((member, memberOf) -> WellKnownSids.lookup(member).ifPresent(wellKnown ->
                entries.add(DirectoryEntry.group(member, wellKnown.name(), "well-known", memberOf))));
        return entries;
    }

    public DirectoryState state() {
        return new DirectoryState(entries());
    }

    private static Optional<String> memberSid(String dn, Map<String, String> sidByDn) {
        String sid = sidByDn.get(dn.toLowerCase(Locale.ROOT));
        if (sid != null) {
            return Optional.of(sid);
        }
        Matcher foreign = FOREIGN.matcher(dn);
        return foreign.matches() ? Optional.of(foreign.group(1)) : Optional.empty();
    }
}
