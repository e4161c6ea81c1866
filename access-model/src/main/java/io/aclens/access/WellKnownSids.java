package io.aclens.access;

import java.util.Map;
import java.util.Optional;

/** Well-known SIDs that are known by name without asking a directory. */
public final class WellKnownSids {
    public static final String EVERYONE = "S-1-1-0";
    public static final String CREATOR_OWNER = "S-1-3-0";
    public static final String CREATOR_GROUP = "S-1-3-1";
    public static final String AUTHENTICATED_USERS = "S-1-5-11";
    public static final String SYSTEM = "S-1-5-18";
    public static final String BUILTIN_ADMINISTRATORS = "S-1-5-32-544";
    public static final String BUILTIN_USERS = "S-1-5-32-545";

    private static final String UNIX_USER_PREFIX = "S-1-22-1-";
    private static final String UNIX_GROUP_PREFIX = "S-1-22-2-";

    private static final Map<String, String> NAMES = Map.of(
            EVERYONE, "Everyone",
            CREATOR_OWNER, "CREATOR OWNER",
            CREATOR_GROUP, "CREATOR GROUP",
            AUTHENTICATED_USERS, "Authenticated Users",
            SYSTEM, "SYSTEM",
            BUILTIN_ADMINISTRATORS, "BUILTIN\\Administrators",
            BUILTIN_USERS, "BUILTIN\\Users");

    private WellKnownSids() {
    }

    public static Optional<Principal> lookup(String sid) {
        String name = NAMES.get(sid);
        return name == null ? Optional.empty() : Optional.of(new Principal(sid, name, null, PrincipalKind.WELL_KNOWN));
    }

    public static String unixUser(long uid) {
        return UNIX_USER_PREFIX + uid;
    }

    public static String unixGroup(long gid) {
        return UNIX_GROUP_PREFIX + gid;
    }
}
