package io.aclens.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.nt.Sid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plain LDAP directory (OpenLDAP, 389 DS): people are inetOrgPerson/posixAccount, groups are groupOfNames,
 * groupOfUniqueNames or posixGroup. An entry's SID is its sambaSID when Samba manages it, else the Unix SID of
 * its uidNumber/gidNumber (what POSIX shares and Samba without idmap name); entries with neither cannot
 * appear in any ACL and are skipped. Locked accounts (pwdAccountLockedTime, nsAccountLock) are disabled.
 */
public final class LdapDirectoryReader {
    private static final String[] USER_ATTRIBUTES = {"uid", "cn", "displayName", "mail", "departmentNumber", "ou", "title",
            "uidNumber", "gidNumber", "sambaSID", "pwdAccountLockedTime", "nsAccountLock"};
    private static final String[] GROUP_ATTRIBUTES = {"cn", "member", "uniqueMember", "memberUid", "gidNumber", "sambaSID"};

    private static final Pattern UNIX_ID = Pattern.compile("[0-9]{1,10}");
    private static final long MAX_UNIX_ID = 0xFFFF_FFFFL;

    private final LDAPInterface ldap;
    private final String baseDn;
    private final int pageSize;

    public LdapDirectoryReader(LDAPInterface ldap, String baseDn, int pageSize) {
        this.ldap = ldap;
        this.baseDn = baseDn;
        this.pageSize = pageSize;
    }

    public List<DirectoryEntry> read() throws LDAPException {
        List<SearchResultEntry> people = PagedSearch.all(ldap, baseDn, pageSize,
                "(|(objectClass=inetOrgPerson)(objectClass=posixAccount))", USER_ATTRIBUTES);
        List<SearchResultEntry> groups = PagedSearch.all(ldap, baseDn, pageSize,
                "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))", GROUP_ATTRIBUTES);
        return entries(people, groups);
    }

    /**
     * Maps people and groups onto directory entries with their memberships. An entry whose id is not one (a sambaSID
     * that is not a SID, a uidNumber or gidNumber that is not an unsigned 32-bit number) is refused with an
     * IllegalArgumentException naming the entry and the attribute: the sync fails with that reason and the last good
     * directory state stays.
     */
    public static List<DirectoryEntry> entries(List<? extends Entry> people, List<? extends Entry> groups) {
        Map<String, String> sidByDn = new HashMap<>();
        Map<String, String> sidByLogin = new HashMap<>();
        Map<String, String> sidByGid = new HashMap<>();
        Map<String, String> userSids = new LinkedHashMap<>();
        for (Entry person : people) {
            String sid = sid(person, "uidNumber", WellKnownSids.UNIX_USER_PREFIX);
            if (sid != null && person.getAttributeValue("uid") != null) {
                userSids.put(person.getDN(), sid);
                sidByDn.put(key(person.getDN()), sid);
                sidByLogin.put(person.getAttributeValue("uid").toLowerCase(Locale.ROOT), sid);
            }
        }
        Map<String, String> groupSids = new LinkedHashMap<>();
        for (Entry group : groups) {
            String sid = sid(group, "gidNumber", WellKnownSids.UNIX_GROUP_PREFIX);
            if (sid != null) {
                groupSids.put(group.getDN(), sid);
                sidByDn.put(key(group.getDN()), sid);
                if (group.hasAttribute("gidNumber")) {
                    sidByGid.put(unixId(group, "gidNumber"), sid);
                }
            }
        }
        Map<String, List<String>> memberOf = new HashMap<>();
        for (Entry group : groups) {
            String groupSid = groupSids.get(group.getDN());
            if (groupSid == null) {
                continue;
            }
            List<String> members = new ArrayList<>();
            for (String attribute : List.of("member", "uniqueMember")) {
                String[] dns = group.getAttributeValues(attribute);
                if (dns != null) {
                    for (String dn : dns) {
                        members.add(sidByDn.get(key(dn)));
                    }
                }
            }
            String[] logins = group.getAttributeValues("memberUid");
            if (logins != null) {
                for (String login : logins) {
                    members.add(sidByLogin.get(login.toLowerCase(Locale.ROOT)));
                }
            }
            members.stream().filter(java.util.Objects::nonNull).distinct()
                    .forEach(member -> memberOf.computeIfAbsent(member, m -> new ArrayList<>()).add(groupSid));
        }

        List<DirectoryEntry> entries = new ArrayList<>();
        for (Entry person : people) {
            String sid = userSids.get(person.getDN());
            if (sid == null || person.getAttributeValue("uid") == null) {
                continue; // no id, or another entry of the same DN had one (servers never send that; mutated input does)
            }
            String primaryGid = unixId(person, "gidNumber");
            String primaryGroup = primaryGid == null ? null : sidByGid.getOrDefault(primaryGid, WellKnownSids.UNIX_GROUP_PREFIX + primaryGid);
            boolean locked = person.hasAttribute("pwdAccountLockedTime") || "true".equalsIgnoreCase(person.getAttributeValue("nsAccountLock"));
            String fullName = person.hasAttribute("displayName") ? person.getAttributeValue("displayName") : person.getAttributeValue("cn");
            String department = person.hasAttribute("departmentNumber") ? person.getAttributeValue("departmentNumber") : person.getAttributeValue("ou");
            entries.add(new DirectoryEntry(sid, PrincipalKind.USER, person.getAttributeValue("uid"), null, fullName,
                    person.getAttributeValue("mail"), department, person.getAttributeValue("title"), !locked, null, primaryGroup, null,
                    memberOf.getOrDefault(sid, List.of())));
        }
        for (Entry group : groups) {
            String sid = groupSids.get(group.getDN());
            if (sid != null) {
                String scope = group.hasAttribute("gidNumber") ? "posix" : "ldap";
                entries.add(DirectoryEntry.group(sid, required(group, "cn"), scope, memberOf.getOrDefault(sid, List.of())));
            }
        }
        return entries;
    }

    private static String sid(Entry entry, String idAttribute, String unixPrefix) {
        if (entry.hasAttribute("sambaSID")) {
            String sambaSid = entry.getAttributeValue("sambaSID");
            try {
                return Sid.parse(sambaSid).toString();
            } catch (IllegalArgumentException e) {
                throw EntryRefusal.of(entry, "sambaSID '" + sambaSid + "' is not a SID");
            }
        }
        String id = unixId(entry, idAttribute);
        return id == null ? null : unixPrefix + id;
    }

    private static String required(Entry entry, String attribute) {
        String value = entry.getAttributeValue(attribute);
        if (value == null) {
            throw EntryRefusal.of(entry, "no " + attribute);
        }
        return value;
    }

    /** The entry's uidNumber or gidNumber, canonical (no leading zeros), or null when it has none. */
    private static String unixId(Entry entry, String attribute) {
        String id = entry.getAttributeValue(attribute);
        if (id == null) {
            return null;
        }
        if (!UNIX_ID.matcher(id).matches() || Long.parseLong(id) > MAX_UNIX_ID) {
            throw EntryRefusal.of(entry, attribute + " '" + id + "' is not a Unix id");
        }
        return Long.toString(Long.parseLong(id));
    }

    private static String key(String dn) {
        try {
            return new com.unboundid.ldap.sdk.DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }
}
