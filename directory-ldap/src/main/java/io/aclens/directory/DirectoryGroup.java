package io.aclens.directory;

import java.util.List;

/** A group with the distinguished names of its direct members (users, groups, foreign security principals). */
public record DirectoryGroup(String sid, String dn, String name, String scope, List<String> memberDns) {
}
