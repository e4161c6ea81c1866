package io.aclens.posix;

import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for uids and gids from passwd/group files (the server's own, or copies an MSP collected).
 * A uid or gid that no file names is an orphaned account: it is reported as such, never dropped.
 */
public final class LocalIdentities {
    private final Map<Long, Principal> users;
    private final Map<Long, Principal> groups;

    private LocalIdentities(Map<Long, Principal> users, Map<Long, Principal> groups) {
        this.users = users;
        this.groups = groups;
    }

    public static LocalIdentities system() throws IOException {
        return load(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    public static LocalIdentities load(Path passwd, Path group) throws IOException {
        Map<Long, Principal> users = new HashMap<>();
        for (String[] fields : records(passwd, 7)) {
            long uid = Long.parseLong(fields[2]);
            String gecos = fields[4].split(",", -1)[0];
            users.putIfAbsent(uid, new Principal(WellKnownSids.unixUser(uid), fields[0], gecos.isBlank() ? null : gecos, PrincipalKind.USER));
        }
        Map<Long, Principal> groups = new HashMap<>();
        for (String[] fields : records(group, 4)) {
            long gid = Long.parseLong(fields[2]);
            groups.putIfAbsent(gid, new Principal(WellKnownSids.unixGroup(gid), fields[0], null, PrincipalKind.GROUP));
        }
        return new LocalIdentities(users, groups);
    }

    public Principal user(long uid) {
        Principal user = users.get(uid);
        return user != null ? user : new Principal(WellKnownSids.unixUser(uid), "uid " + uid, null, PrincipalKind.UNRESOLVED);
    }

    public Principal group(long gid) {
        Principal group = groups.get(gid);
        return group != null ? group : new Principal(WellKnownSids.unixGroup(gid), "gid " + gid, null, PrincipalKind.UNRESOLVED);
    }

    /** Resolves any SID the POSIX mapping produces: Unix users and groups, or well-known SIDs. */
    public Principal resolve(String sid) {
        if (sid.startsWith(WellKnownSids.UNIX_USER_PREFIX)) {
            return user(Long.parseLong(sid.substring(WellKnownSids.UNIX_USER_PREFIX.length())));
        }
        if (sid.startsWith(WellKnownSids.UNIX_GROUP_PREFIX)) {
            return group(Long.parseLong(sid.substring(WellKnownSids.UNIX_GROUP_PREFIX.length())));
        }
        return WellKnownSids.lookup(sid).orElseGet(() -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED));
    }

    static List<String[]> records(Path file, int fieldCount) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split(":", -1))
                .filter(fields -> fields.length >= fieldCount && fields[2].matches("\\d+"))
                .toList();
    }
}
