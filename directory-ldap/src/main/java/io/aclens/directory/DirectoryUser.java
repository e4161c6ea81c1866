package io.aclens.directory;

import java.time.Instant;

/**
 * An account as the directory describes it.
 *
 * @param primaryGroupSid the group AD's primaryGroupID names (it is not listed in that group's member)
 * @param lastLogon       lastLogonTimestamp (replicated, up to ~14 days behind), or null
 * @param accountExpires  AD accountExpires, or null for never (0 and 0x7FFFFFFFFFFFFFFF in AD)
 */
public record DirectoryUser(String sid, String dn, String login, String userPrincipalName, String fullName, String mail,
                            String department, String title, boolean enabled, Instant lastLogon, String primaryGroupSid,
                            Instant accountExpires) {
    public DirectoryUser(String sid, String dn, String login, String userPrincipalName, String fullName, String mail, String department,
                         String title, boolean enabled, Instant lastLogon, String primaryGroupSid) {
        this(sid, dn, login, userPrincipalName, fullName, mail, department, title, enabled, lastLogon, primaryGroupSid, null);
    }
}
