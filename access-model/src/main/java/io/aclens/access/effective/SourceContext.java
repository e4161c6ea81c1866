package io.aclens.access.effective;

import io.aclens.access.directory.DirectoryState;
import io.aclens.access.directory.ServerGroups;
import java.util.Objects;

/**
 * What a source's server adds to every evaluation of its folders: its own groups (BUILTIN\Users, local groups)
 * for the tokens, and the share's permissions that cap every folder reached through it. Either may be unknown
 * (null): a Linux tree has neither, an agent upload has no share.
 */
public record SourceContext(ServerGroups serverGroups, SharePermissions share) {
    public static final SourceContext NONE = new SourceContext(null, null);

    /** The client's directory as this source's server sees it. */
    public DirectoryState directoryOn(DirectoryState directory) {
        return directory.onServer(serverGroups);
    }

    public boolean sameShareAs(SourceContext other) {
        return Objects.equals(share, other.share);
    }

    public boolean sameServerGroupsAs(SourceContext other) {
        return Objects.equals(serverGroups == null ? null : serverGroups.groups(), other.serverGroups == null ? null : other.serverGroups.groups());
    }
}
