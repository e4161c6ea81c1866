package io.aclens.access;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Well-known SIDs that are known by name without asking a directory. */
public final class WellKnownSids {
    public static final String EVERYONE = "S-1-1-0";
    public static final String CREATOR_OWNER = "S-1-3-0";
    public static final String CREATOR_GROUP = "S-1-3-1";
    public static final String AUTHENTICATED_USERS = "S-1-5-11";
    public static final String SYSTEM = "S-1-5-18";
    public static final String BUILTIN_ADMINISTRATORS = "S-1-5-32-544";
    public static final String BUILTIN_USERS = "S-1-5-32-545";

    /**
     * The Unix SIDs made so far, by id and kind: a tree walk names the same few owners and groups in every folder, and a
     * string made anew is hashed anew in every set and map that takes it (a tenth of a walking thread's own CPU).
     */
    private static final Map<Long, String> UNIX_SIDS = new ConcurrentHashMap<>();
    /** Hosts name tens of thousands of ids at most; more are made on each call rather than kept. */
    private static final int MAX_UNIX_SIDS = 100_000;

    /** Samba's SIDs for Unix users and groups: the prefix, then the uid or gid. */
    public static final String UNIX_USER_PREFIX = "S-1-22-1-";
    public static final String UNIX_GROUP_PREFIX = "S-1-22-2-";

    public static final String OWNER_RIGHTS = "S-1-3-4";
    public static final String NETWORK = "S-1-5-2";
    public static final String INTERACTIVE = "S-1-5-4";
    public static final String ANONYMOUS = "S-1-5-7";
    public static final String BUILTIN_GUESTS = "S-1-5-32-546";
    public static final String BUILTIN_BACKUP_OPERATORS = "S-1-5-32-551";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(EVERYONE, "Everyone"),
            Map.entry(CREATOR_OWNER, "CREATOR OWNER"),
            Map.entry(CREATOR_GROUP, "CREATOR GROUP"),
            Map.entry(OWNER_RIGHTS, "OWNER RIGHTS"),
            Map.entry(NETWORK, "NT AUTHORITY\\NETWORK"),
            Map.entry(INTERACTIVE, "NT AUTHORITY\\INTERACTIVE"),
            Map.entry(ANONYMOUS, "NT AUTHORITY\\ANONYMOUS LOGON"),
            Map.entry(AUTHENTICATED_USERS, "NT AUTHORITY\\Authenticated Users"),
            Map.entry(SYSTEM, "NT AUTHORITY\\SYSTEM"),
            Map.entry("S-1-5-19", "NT AUTHORITY\\LOCAL SERVICE"),
            Map.entry("S-1-5-20", "NT AUTHORITY\\NETWORK SERVICE"),
            Map.entry(BUILTIN_ADMINISTRATORS, "BUILTIN\\Administrators"),
            Map.entry(BUILTIN_USERS, "BUILTIN\\Users"),
            Map.entry(BUILTIN_GUESTS, "BUILTIN\\Guests"),
            Map.entry("S-1-5-32-547", "BUILTIN\\Power Users"),
            Map.entry("S-1-5-32-549", "BUILTIN\\Server Operators"),
            Map.entry(BUILTIN_BACKUP_OPERATORS, "BUILTIN\\Backup Operators"),
            Map.entry("S-1-5-32-555", "BUILTIN\\Remote Desktop Users"));

    /** Names Windows prints for well-known SIDs in other languages (icacls on a Russian server). */
    private static final Map<String, String> LOCALIZED = Map.of(
            "все", EVERYONE, "создатель-владелец", CREATOR_OWNER, "группа-создатель", CREATOR_GROUP, "права владельца", OWNER_RIGHTS,
            "nt authority\\система", SYSTEM, "builtin\\администраторы", BUILTIN_ADMINISTRATORS, "builtin\\пользователи", BUILTIN_USERS,
            "nt authority\\прошедшие проверку", AUTHENTICATED_USERS);
    private static final Map<String, String> SID_BY_NAME = reverse();

    private WellKnownSids() {
    }

    private static Map<String, String> reverse() {
        Map<String, String> byName = new java.util.HashMap<>(LOCALIZED);
        NAMES.forEach((sid, name) -> byName.put(name.toLowerCase(java.util.Locale.ROOT), sid));
        byName.put("system", SYSTEM);
        byName.put("администраторы", BUILTIN_ADMINISTRATORS);
        byName.put("пользователи", BUILTIN_USERS);
        return Map.copyOf(byName);
    }

    /** The SID of a well-known name as Windows prints it ("BUILTIN\\Administrators", "Everyone", "Все"), case-insensitive. */
    public static Optional<String> sidOf(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String sid = SID_BY_NAME.get(lower);
        if (sid == null && lower.startsWith("builtin\\")) {
            sid = SID_BY_NAME.get(lower.substring("builtin\\".length()));
        }
        return Optional.ofNullable(sid);
    }

    public static Optional<Principal> lookup(String sid) {
        String name = NAMES.get(sid);
        return name == null ? Optional.empty() : Optional.of(new Principal(sid, name, null, PrincipalKind.WELL_KNOWN));
    }

    /** Samba's SID of a Unix user: the same string each time for the same uid (see {@link #UNIX_SIDS}). */
    public static String unixUser(long uid) {
        return unixSid(UNIX_USER_PREFIX, uid, 0);
    }

    /** Samba's SID of a Unix group: the same string each time for the same gid. */
    public static String unixGroup(long gid) {
        return unixSid(UNIX_GROUP_PREFIX, gid, 1);
    }

    private static String unixSid(String prefix, long id, int kind) {
        Long key = id << 1 | kind; // ids are 32-bit
        String sid = UNIX_SIDS.get(key);
        if (sid == null) {
            sid = prefix + id;
            if (UNIX_SIDS.size() < MAX_UNIX_SIDS) {
                UNIX_SIDS.putIfAbsent(key, sid);
            }
        }
        return sid;
    }
}
