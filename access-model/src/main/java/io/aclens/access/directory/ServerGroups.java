package io.aclens.access.directory;

import java.util.List;
import java.util.Objects;

/**
 * The groups a file server keeps in its own account database (SAM) rather than in the domain: BUILTIN\Users,
 * BUILTIN\Administrators, … and its own local groups such as {@code FS1\Finance-RW}, each with its direct members
 * (domain users and groups, well-known SIDs such as Authenticated Users, local accounts). Windows adds to a
 * user's token every one of these groups that holds a SID of the token, so they decide access on that server only.
 *
 * @param groups the groups as read from the server; empty when it could not be read
 * @param note   for the scan's coverage: how they were read, or why they could not be
 */
public record ServerGroups(List<LocalGroup> groups, String note) {
    private static final String BUILTIN_PREFIX = "S-1-5-32-";

    /** A group of the server's SAM (an alias in SAMR's terms) and the SIDs of its direct members. */
    public record LocalGroup(String sid, String name, List<String> members) {
        public LocalGroup {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(name, "name");
            members = members == null ? List.of() : members.stream().sorted().distinct().toList();
        }
    }

    public ServerGroups {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static ServerGroups read(List<LocalGroup> groups, String note) {
        return new ServerGroups(groups, note);
    }

    public static ServerGroups unreadable(String reason) {
        return new ServerGroups(List.of(), reason);
    }

    /**
     * Whether the server listed its BUILTIN groups (Windows always does): then they, and not the domain's CN=Builtin
     * or Windows' defaults, say who is in BUILTIN\Users on this server. A standalone Samba without group mappings lists
     * none, yet its own local groups still count.
     */
    public boolean describesBuiltinGroups() {
        return groups.stream().anyMatch(g -> g.sid().startsWith(BUILTIN_PREFIX));
    }
}
