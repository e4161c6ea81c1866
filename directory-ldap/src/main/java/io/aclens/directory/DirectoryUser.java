package io.aclens.directory;

import java.time.Instant;

/**
 * An account as the directory describes it.
 *
 * @param primaryGroupSid the group AD's primaryGroupID names (it is not listed in that group's member)
 * @param lastLogon       lastLogonTimestamp (replicated, up to ~14 days behind), or null
 */
public record DirectoryUser(String sid, String dn, String login, String userPrincipalName, String fullName, String mail,
                            String department, String title, boolean enabled, Instant lastLogon, String primaryGroupSid) {
}
