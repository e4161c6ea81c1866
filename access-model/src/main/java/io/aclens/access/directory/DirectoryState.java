package io.aclens.access.directory;

import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.effective.AccessToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A client's directory at one moment (one or more directories merged), seen from one file server: who exists,
 * who can log on, and the access token each user carries on that server. Only security groups enter a token;
 * the server's own groups (BUILTIN\Users, its local groups) come from the server when it was read
 * ({@link #onServer}), else from the domain's CN=Builtin when the directory describes it, else Windows' defaults.
 */
public final class DirectoryState {
    private static final String DOMAIN_SID_PREFIX = "S-1-5-21-";
    private static final String DOMAIN_USERS_RID = "-513";
    private static final String DOMAIN_ADMINS_RID = "-512";
    private static final String BUILTIN_PREFIX = "S-1-5-32-";
    private static final Comparator<DirectoryEntry> PEOPLE_ORDER = Comparator
            .comparing((DirectoryEntry e) -> e.fullName() == null ? e.name() : e.fullName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(DirectoryEntry::sid);

    /** Where the members of a server's BUILTIN and local groups come from, for the scan coverage. */
    public enum ServerGroupsOrigin {
        /** read from the server itself (SAMR over the SMB connection) */
        SERVER("read from the server (SAMR)"),
        /** the domain's CN=Builtin, as a domain controller holds it */
        DIRECTORY("the domain's CN=Builtin groups from the directory"),
        /** neither could be read: BUILTIN\Users holds Authenticated Users, INTERACTIVE and Domain Users; BUILTIN\Administrators holds Domain Admins */
        WINDOWS_DEFAULTS("Windows defaults (BUILTIN\\Users = Authenticated Users, INTERACTIVE, Domain Users; "
                + "BUILTIN\\Administrators = Domain Admins)");

        private final String description;

        ServerGroupsOrigin(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Map<String, DirectoryEntry> entries;
    private final Instant asOf;
    private final ServerGroupsOrigin origin;
    private final Map<String, ServerGroups.LocalGroup> serverGroups;
    private final Map<String, List<String>> serverGroupsOfMember;
    /** Users by login and user principal name in lower case, the first in directory order for each: built on the first look-up. */
    private volatile Map<String, DirectoryEntry> usersByName;

    /** The directory as it is now, on a server whose own groups are not known. */
    public DirectoryState(Collection<DirectoryEntry> entries) {
        this(entries, Instant.now());
    }

    /** @param asOf when the directory is evaluated: an account whose accountExpires lies before it cannot log on */
    public DirectoryState(Collection<DirectoryEntry> entries, Instant asOf) {
        this(index(entries), asOf, null);
    }

    private DirectoryState(Map<String, DirectoryEntry> entries, Instant asOf, ServerGroups server) {
        this.entries = entries;
        this.asOf = asOf;
        this.serverGroups = new LinkedHashMap<>();
        this.serverGroupsOfMember = new HashMap<>();
        if (server != null) {
            for (ServerGroups.LocalGroup group : server.groups()) {
                serverGroups.put(group.sid(), group);
                group.members().forEach(member -> serverGroupsOfMember.computeIfAbsent(member, m -> new ArrayList<>()).add(group.sid()));
            }
        }
        if (server != null && server.describesBuiltinGroups()) {
            origin = ServerGroupsOrigin.SERVER;
        } else if (entries.keySet().stream().anyMatch(sid -> sid.startsWith(BUILTIN_PREFIX))) {
            origin = ServerGroupsOrigin.DIRECTORY;
        } else {
            origin = ServerGroupsOrigin.WINDOWS_DEFAULTS;
            serverGroupsOfMember.computeIfAbsent(WellKnownSids.AUTHENTICATED_USERS, m -> new ArrayList<>()).add(WellKnownSids.BUILTIN_USERS);
            serverGroupsOfMember.computeIfAbsent(WellKnownSids.INTERACTIVE, m -> new ArrayList<>()).add(WellKnownSids.BUILTIN_USERS);
        }
    }

    private static Map<String, DirectoryEntry> index(Collection<DirectoryEntry> entries) {
        Map<String, DirectoryEntry> bySid = new LinkedHashMap<>();
        entries.forEach(entry -> bySid.put(entry.sid(), entry));
        return bySid;
    }

    public static DirectoryState empty() {
        return new DirectoryState(List.of());
    }

    /** The same directory on a file server whose own groups were read (or could not be: then as before). */
    public DirectoryState onServer(ServerGroups server) {
        return server == null || server.groups().isEmpty() ? this : new DirectoryState(entries, asOf, server);
    }

    public ServerGroupsOrigin serverGroupsOrigin() {
        return origin;
    }

    public Instant asOf() {
        return asOf;
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

    /** Every user, able to log on or not, by display name. */
    public List<DirectoryEntry> users() {
        return entries.values().stream().filter(DirectoryEntry::describesUser).sorted(PEOPLE_ORDER).toList();
    }

    /** The people a report shows by default: accounts that can log on (enabled, not expired). */
    public List<DirectoryEntry> activeUsers() {
        return users().stream().filter(this::canLogOn).toList();
    }

    /** Whether the account can log on now: only then does it hold any effective access. */
    public boolean canLogOn(DirectoryEntry user) {
        return user.canLogOnAt(asOf);
    }

    /** Whether {@code sid} is a user of this directory that can log on. */
    public boolean isActiveUser(String sid) {
        DirectoryEntry entry = entries.get(sid);
        return entry != null && entry.describesUser() && canLogOn(entry);
    }

    /** A user by SID, login or user principal name (case-insensitive). */
    public Optional<DirectoryEntry> findUser(String key) {
        DirectoryEntry bySid = entries.get(key);
        if (bySid != null && bySid.describesUser()) {
            return Optional.of(bySid);
        }
        Map<String, DirectoryEntry> byName = usersByName;
        if (byName == null) {
            byName = new HashMap<>();
            for (DirectoryEntry entry : entries.values()) {
                if (entry.describesUser()) {
                    byName.putIfAbsent(entry.name().toLowerCase(Locale.ROOT), entry);
                    if (entry.userPrincipalName() != null) {
                        byName.putIfAbsent(entry.userPrincipalName().toLowerCase(Locale.ROOT), entry);
                    }
                }
            }
            usersByName = byName;
        }
        return Optional.ofNullable(byName.get(key.toLowerCase(Locale.ROOT)));
    }

    /**
     * The security groups {@code sid} is a direct member of on this server: its directory groups (distribution
     * groups never enter a token), and the server's own groups that hold it.
     */
    public List<String> directGroups(String sid) {
        DirectoryEntry entry = entries.get(sid);
        List<String> groups = new ArrayList<>();
        if (entry != null) {
            for (String group : entry.memberOf()) {
                DirectoryEntry groupEntry = entries.get(group);
                boolean distribution = groupEntry != null && groupEntry.distribution();
                // on a server that was read, the directory's CN=Builtin is the domain controllers' own, not this server's
                boolean otherServersBuiltin = origin == ServerGroupsOrigin.SERVER && group.startsWith(BUILTIN_PREFIX);
                if (!distribution && !otherServersBuiltin) {
                    groups.add(group);
                }
            }
        }
        groups.addAll(serverGroupsOfMember.getOrDefault(sid, List.of()));
        if (origin == ServerGroupsOrigin.WINDOWS_DEFAULTS && sid.startsWith(DOMAIN_SID_PREFIX)) {
            if (sid.endsWith(DOMAIN_USERS_RID)) {
                groups.add(WellKnownSids.BUILTIN_USERS);
            } else if (sid.endsWith(DOMAIN_ADMINS_RID)) {
                groups.add(WellKnownSids.BUILTIN_ADMINISTRATORS);
            }
        }
        return groups;
    }

    /**
     * The user's token on this server: the user, Everyone, Authenticated Users and NETWORK (files are reached over the
     * network), their security groups transitively (cycles end), the primary group, and the server's groups holding
     * any of them. Built for any account: whether it can log on is the caller's question ({@link #canLogOn}).
     */
    public AccessToken token(String userSid) {
        DirectoryEntry user = entries.get(userSid);
        return AccessToken.of(userSid, user == null ? null : user.primaryGroupSid(), this::directGroups);
    }

    /** A SID named for people: users with their full names, groups by name, the server's own groups; empty when unknown. */
    public Optional<Principal> principal(String sid) {
        DirectoryEntry entry = entries.get(sid);
        if (entry != null) {
            return Optional.of(new Principal(sid, entry.name(), entry.fullName(), entry.kind()));
        }
        ServerGroups.LocalGroup local = serverGroups.get(sid);
        return local == null ? Optional.empty() : Optional.of(new Principal(sid, local.name(), null, PrincipalKind.GROUP));
    }

    /** A name for any SID: the directory's, the server's, a well-known one, or the SID itself. */
    public String nameOf(String sid) {
        return principal(sid).or(() -> WellKnownSids.lookup(sid)).map(Principal::name).orElse(sid);
    }

    /** Whether a SID is one of the server's own groups other than BUILTIN's (e.g. FS1\Finance-RW): a local account. */
    public boolean isServerLocal(String sid) {
        return serverGroups.containsKey(sid) && !sid.startsWith(BUILTIN_PREFIX);
    }

    /** Whether a SID is known to the directory, the server or is well known; an ACE naming anything else is orphaned. */
    public boolean resolves(String sid) {
        return entries.containsKey(sid) || serverGroups.containsKey(sid) || WellKnownSids.lookup(sid).isPresent();
    }
}
