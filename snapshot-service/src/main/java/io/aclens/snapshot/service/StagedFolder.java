package io.aclens.snapshot.service;

import io.aclens.access.AclHash;
import io.aclens.access.FolderPath;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FolderScanned;
import io.aclens.access.Ace;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A folder event reduced to what staging stores; the DACL itself is stored once per distinct hash.
 *
 * @param childPrefix for a folder whose contents were not listed, its path and separator (what its sub-folders' paths
 *                    start with), else null
 */
public record StagedFolder(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                           String aclHash, List<Ace> dacl, String readError, String sddl, String stateHash, String childPrefix) {

    public static StagedFolder of(FolderScanned event) {
        String aclHash = AclHash.of(event.dacl());
        String stateHash = AclHash.hex(event.depth() + "|" + event.ownerSid() + "|" + event.groupSid() + "|"
                + event.inheritanceProtected() + "|" + aclHash + "|" + event.readError() + "|" + event.sddl());
        String childPrefix = event.listError() == null ? null : event.path() + FolderPath.separator(event.path());
        return new StagedFolder(event.path(), event.depth(), event.ownerSid(), event.groupSid(), event.inheritanceProtected(),
                aclHash, event.dacl(), event.readError(), event.sddl(), stateHash, childPrefix);
    }

    public String daclJson() {
        try {
            return EventCodec.mapper().writeValueAsString(dacl);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
