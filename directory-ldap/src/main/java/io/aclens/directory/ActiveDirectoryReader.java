package io.aclens.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an Active Directory domain over LDAP: users and groups with paged searches (AD returns at most 1,000
 * entries a page), group members with ranged retrieval (AD returns large {@code member} attributes in
 * slices such as {@code member;range=0-1499}), SIDs from the binary objectSid, the primary group from
 * primaryGroupID, enabled/disabled from userAccountControl, expiry from accountExpires, security or distribution
 * from groupType. Reading from the domain's root also reads CN=Builtin, the domain controllers' own groups.
 */
public final class ActiveDirectoryReader {
    private static final String[] USER_ATTRIBUTES = {"objectSid", "sAMAccountName", "userPrincipalName", "displayName", "mail",
            "department", "title", "userAccountControl", "lastLogonTimestamp", "primaryGroupID", "accountExpires"};
    private static final String[] GROUP_ATTRIBUTES = {"objectSid", "sAMAccountName", "cn", "groupType", "member"};

    private final LDAPInterface ldap;
    private final String baseDn;
    private final int pageSize;

    /** @param ldap a bound connection or pool; bind credentials stay with it and never reach this class's output */
    public ActiveDirectoryReader(LDAPInterface ldap, String baseDn, int pageSize) {
        this.ldap = ldap;
        this.baseDn = baseDn;
        this.pageSize = pageSize;
    }

    public Directory read() throws LDAPException {
        List<DirectoryUser> users = new ArrayList<>();
        for (SearchResultEntry entry : PagedSearch.all(ldap, baseDn, pageSize, "(&(objectClass=user)(!(objectClass=computer)))", USER_ATTRIBUTES)) {
            users.add(ActiveDirectoryEntries.user(entry));
        }
        List<DirectoryGroup> groups = new ArrayList<>();
        for (SearchResultEntry entry : PagedSearch.all(ldap, baseDn, pageSize, "(objectClass=group)", GROUP_ATTRIBUTES)) {
            groups.add(ActiveDirectoryEntries.group(entry, members(entry)));
        }
        return new Directory(users, groups);
    }

    /** All members, following AD's ranged retrieval (member;range=0-1499, then 1500-*, …) to the last slice. */
    private List<String> members(SearchResultEntry group) throws LDAPException {
        List<String> members = new ArrayList<>();
        SearchResultEntry entry = group;
        while (true) {
            String nextRange = null;
            boolean sawMember = false;
            for (Attribute attribute : entry.getAttributes()) {
                if (!attribute.getBaseName().equalsIgnoreCase("member")) {
                    continue;
                }
                sawMember = true;
                members.addAll(Arrays.asList(attribute.getValues()));
                for (String option : attribute.getOptions()) {
                    if (option.toLowerCase(java.util.Locale.ROOT).startsWith("range=") && !option.endsWith("*")) {
                        long last = Long.parseLong(option.substring(option.indexOf('-') + 1));
                        nextRange = "member;range=" + (last + 1) + "-*";
                    }
                }
            }
            if (nextRange == null || !sawMember) {
                return members;
            }
            entry = ldap.getEntry(group.getDN(), nextRange);
            if (entry == null) {
                return members;
            }
        }
    }
}
