package io.aclens.contracts;

import io.aclens.access.directory.ServerGroups;
import io.aclens.access.effective.SharePermissions;
import io.aclens.access.effective.SourceContext;
import io.aclens.access.nt.Sddl;
import io.aclens.access.nt.SddlException;

/**
 * What the collector read of the server behind a source, beside its folders: the share's own security descriptor
 * (over the network it caps every folder) and the server's own groups (BUILTIN\Users, local groups), each with a
 * note for the scan's coverage when it could not be read. A snapshot keeps it, so its history is the snapshots'.
 *
 * @param share      the share ({@code \\server\share}), or null when the source is not reached through one
 * @param shareSddl  the share's security descriptor as SDDL; null when it could not be read
 * @param shareNote  how it was read, or why it could not be
 * @param groups     the server's own groups, or null when the source has no server to ask (Linux tree, upload)
 */
public record SourceServer(String share, String shareSddl, String shareNote, ServerGroups groups) {

    /** What this server adds to every evaluation of the source's folders. */
    public SourceContext context() {
        return new SourceContext(groups, sharePermissions());
    }

    public SharePermissions sharePermissions() {
        if (share == null || shareSddl == null) {
            return null;
        }
        try {
            return new SharePermissions(share, Sddl.parse(shareSddl).dacl());
        } catch (SddlException e) {
            return null; // the collector wrote it from a descriptor it parsed; never happens unless the row was edited
        }
    }

    /** The context of a snapshot that may predate server information. */
    public static SourceContext contextOf(SourceServer server) {
        return server == null ? SourceContext.NONE : server.context();
    }
}
