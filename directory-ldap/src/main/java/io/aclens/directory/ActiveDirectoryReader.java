package io.aclens.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.aclens.access.nt.Sid;
import java.time.Duration;
import java.time.Instant;
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
    private static final int ACCOUNTDISABLE = 0x2;
    private static final int SECURITY_ENABLED = 0x80000000;
    private static final Instant FILETIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

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
            users.add(user(entry));
        }
        List<DirectoryGroup> groups = new ArrayList<>();
        for (SearchResultEntry entry : PagedSearch.all(ldap, baseDn, pageSize, "(objectClass=group)", GROUP_ATTRIBUTES)) {
            groups.add(group(entry));
        }
        return new Directory(users, groups);
    }

    private DirectoryUser user(SearchResultEntry entry) {
        Sid sid = Sid.fromBytes(entry.getAttributeValueBytes("objectSid"));
        Integer uac = entry.getAttributeValueAsInteger("userAccountControl");
        Integer primaryGroupRid = entry.getAttributeValueAsInteger("primaryGroupID");
        Long lastLogon = entry.getAttributeValueAsLong("lastLogonTimestamp");
        Long accountExpires = entry.getAttributeValueAsLong("accountExpires");
        return new DirectoryUser(sid.toString(), entry.getDN(), entry.getAttributeValue("sAMAccountName"),
                entry.getAttributeValue("userPrincipalName"), entry.getAttributeValue("displayName"), entry.getAttributeValue("mail"),
                entry.getAttributeValue("department"), entry.getAttributeValue("title"), uac == null || (uac & ACCOUNTDISABLE) == 0,
                fileTime(lastLogon), primaryGroupRid == null ? null : sid.parent().child(primaryGroupRid).toString(),
                accountExpires == null || accountExpires == Long.MAX_VALUE ? null : fileTime(accountExpires));
    }

    /** A Windows FILETIME (100 ns since 1601), null for 0: AD's "never". */
    private static Instant fileTime(Long value) {
        return value == null || value == 0 ? null : FILETIME_EPOCH.plus(Duration.ofMillis(value / 10_000));
    }

    private DirectoryGroup group(SearchResultEntry entry) throws LDAPException {
        Sid sid = Sid.fromBytes(entry.getAttributeValueBytes("objectSid"));
        Integer groupType = entry.getAttributeValueAsInteger("groupType");
        String name = entry.hasAttribute("sAMAccountName") ? entry.getAttributeValue("sAMAccountName") : entry.getAttributeValue("cn");
        boolean distribution = groupType != null && (groupType & SECURITY_ENABLED) == 0;
        return new DirectoryGroup(sid.toString(), entry.getDN(), name, scope(groupType) + (distribution ? " distribution" : " security"),
                members(entry), distribution);
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

    private static String scope(Integer groupType) {
        if (groupType == null) {
            return "unknown";
        }
        if ((groupType & 0x4) != 0) {
            return "domain local";
        }
        if ((groupType & 0x8) != 0) {
            return "universal";
        }
        return (groupType & 0x2) != 0 ? "global" : "builtin";
    }
}
