package io.aclens.directory;

import java.util.List;

/**
 * A group with the distinguished names of its direct members (users, groups, foreign security principals).
 *
 * @param distribution a distribution group (AD groupType without the security bit 0x80000000): it never enters a token
 */
public record DirectoryGroup(String sid, String dn, String name, String scope, List<String> memberDns, boolean distribution) {
    public DirectoryGroup(String sid, String dn, String name, String scope, List<String> memberDns) {
        this(sid, dn, name, scope, memberDns, false);
    }
}
