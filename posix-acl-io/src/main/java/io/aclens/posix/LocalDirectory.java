package io.aclens.posix;

import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Linux server's own users and groups (passwd and group files) as a directory for its POSIX shares. People
 * are the accounts from {@code minUid} up (system accounts and "nobody" are left out); the GECOS field gives
 * the full name and, in its second part, the department. An account whose shell is nologin or false is
 * counted as disabled.
 */
public final class LocalDirectory {
    private static final long NOBODY = 65534;

    private LocalDirectory() {
    }

    public static List<DirectoryEntry> read(Path passwd, Path group, long minUid) throws IOException {
        Map<String, String> sidByLogin = new HashMap<>();
        List<String[]> users = LocalIdentities.records(passwd, 7);
        for (String[] user : users) {
            sidByLogin.putIfAbsent(user[0], WellKnownSids.UNIX_USER_PREFIX + user[2]);
        }
        Map<String, List<String>> memberOf = new HashMap<>();
        List<DirectoryEntry> entries = new ArrayList<>();
        List<String[]> groups = LocalIdentities.records(group, 4);
        for (String[] g : groups) {
            String groupSid = WellKnownSids.UNIX_GROUP_PREFIX + g[2];
            for (String login : g[3].split(",")) {
                String member = sidByLogin.get(login.trim());
                if (member != null) {
                    memberOf.computeIfAbsent(member, m -> new ArrayList<>()).add(groupSid);
                }
            }
            entries.add(DirectoryEntry.group(groupSid, g[0], "posix", List.of()));
        }
        for (String[] user : users) {
            long uid = Long.parseLong(user[2]);
            if (uid < minUid || uid == NOBODY) {
                continue;
            }
            String sid = WellKnownSids.UNIX_USER_PREFIX + uid;
            String[] gecos = user[4].split(",", -1);
            String shell = user[6];
            boolean enabled = !(shell.endsWith("/nologin") || shell.endsWith("/false"));
            entries.add(new DirectoryEntry(sid, PrincipalKind.USER, user[0], null, blankToNull(gecos[0]), null,
                    gecos.length > 1 ? blankToNull(gecos[1]) : null, null, enabled, null, WellKnownSids.UNIX_GROUP_PREFIX + user[3], null,
                    memberOf.getOrDefault(sid, List.of())));
        }
        return entries;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
