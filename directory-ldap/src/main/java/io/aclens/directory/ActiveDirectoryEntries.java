package io.aclens.directory;

import com.unboundid.ldap.sdk.Entry;
import io.aclens.access.nt.Sid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Maps one Active Directory entry onto a user or a group. An entry that cannot be mapped (no objectSid, a SID
 * that is not one, a primary group id out of range) is refused with an IllegalArgumentException naming the entry
 * and the attribute, never with another exception: the sync then fails with that reason and the last good
 * directory state stays, since memberships computed without one group's entry would hide access.
 */
public final class ActiveDirectoryEntries {
    private static final int ACCOUNTDISABLE = 0x2;
    private static final int SECURITY_ENABLED = 0x80000000;
    private static final Instant FILETIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

    private ActiveDirectoryEntries() {
    }

    public static DirectoryUser user(Entry entry) {
        Sid sid = objectSid(entry);
        Integer uac = entry.getAttributeValueAsInteger("userAccountControl");
        Integer primaryGroupRid = entry.getAttributeValueAsInteger("primaryGroupID");
        if (primaryGroupRid != null && primaryGroupRid <= 0) {
            throw EntryRefusal.of(entry, "primaryGroupID " + primaryGroupRid + " is not a relative id");
        }
        Long lastLogon = entry.getAttributeValueAsLong("lastLogonTimestamp");
        Long accountExpires = entry.getAttributeValueAsLong("accountExpires");
        return new DirectoryUser(sid.toString(), entry.getDN(), entry.getAttributeValue("sAMAccountName"),
                entry.getAttributeValue("userPrincipalName"), entry.getAttributeValue("displayName"), entry.getAttributeValue("mail"),
                entry.getAttributeValue("department"), entry.getAttributeValue("title"), uac == null || (uac & ACCOUNTDISABLE) == 0,
                fileTime(lastLogon), primaryGroupRid == null ? null : sid.parent().child(primaryGroupRid).toString(),
                accountExpires == null || accountExpires == Long.MAX_VALUE ? null : fileTime(accountExpires));
    }

    /** @param memberDns every member, ranged retrieval already followed */
    public static DirectoryGroup group(Entry entry, List<String> memberDns) {
        Sid sid = objectSid(entry);
        Integer groupType = entry.getAttributeValueAsInteger("groupType");
        String name = entry.hasAttribute("sAMAccountName") ? entry.getAttributeValue("sAMAccountName") : entry.getAttributeValue("cn");
        boolean distribution = groupType != null && (groupType & SECURITY_ENABLED) == 0;
        return new DirectoryGroup(sid.toString(), entry.getDN(), name, scope(groupType) + (distribution ? " distribution" : " security"),
                memberDns, distribution);
    }

    private static Sid objectSid(Entry entry) {
        byte[] bytes = entry.getAttributeValueBytes("objectSid");
        if (bytes == null) {
            throw EntryRefusal.of(entry, "no objectSid");
        }
        Sid sid;
        try {
            sid = Sid.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw EntryRefusal.of(entry, "objectSid: " + e.getMessage());
        }
        int trailing = bytes.length - sid.toBytes().length;
        if (trailing != 0) {
            throw EntryRefusal.of(entry, "objectSid has " + trailing + " bytes after the SID");
        }
        return sid;
    }

    /** A Windows FILETIME (100 ns since 1601), null for 0: AD's "never". */
    private static Instant fileTime(Long value) {
        return value == null || value == 0 ? null : FILETIME_EPOCH.plus(Duration.ofMillis(value / 10_000));
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
