package io.aclens.collector.service;

import io.aclens.access.Ace;
import io.aclens.access.nt.Sddl;
import io.aclens.access.nt.SecurityDescriptor;
import java.util.List;

/**
 * One folder as a source read it, whatever the source (local tree, agent upload).
 *
 * @param depth     0 for the scan root
 * @param readError why the folder's security could not be read, else {@code null} (the DACL is then empty)
 * @param sddl      the security descriptor as read, for NT sources (SMB, agent); {@code null} for POSIX trees
 */
public record CollectedFolder(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                              List<Ace> dacl, String readError, String sddl) {

    /** A folder without a security descriptor of its own (POSIX) or whose descriptor could not be read. */
    public CollectedFolder(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected, List<Ace> dacl,
                           String readError) {
        this(path, depth, ownerSid, groupSid, inheritanceProtected, dacl, readError, null);
    }

    /** A folder read as an NT security descriptor, which is kept as SDDL beside the model. */
    public static CollectedFolder ofDescriptor(String path, int depth, String ownerSid, SecurityDescriptor sd, String readError) {
        return new CollectedFolder(path, depth, ownerSid, sd.groupSid(), sd.inheritanceProtected(), sd.effectiveDacl(), readError,
                Sddl.write(sd));
    }
}
