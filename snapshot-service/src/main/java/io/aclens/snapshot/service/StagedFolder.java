package io.aclens.snapshot.service;

import io.aclens.access.AclHash;
import io.aclens.access.FolderPath;
import io.aclens.access.FolderStateHash;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.ScannedFolder;

/**
 * A folder event reduced to what staging stores; the DACL itself is stored once per distinct hash.
 *
 * @param childPrefix for a folder whose contents were not listed, its path and separator (what its sub-folders' paths
 *                    start with), else null
 */
public record StagedFolder(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                           String aclHash, String readError, String sddl, String stateHash, String childPrefix) {

    /** A folder of a batch, its DACL named by hash. */
    public static StagedFolder of(ScannedFolder folder) {
        return of(folder.path(), folder.depth(), folder.ownerSid(), folder.groupSid(), folder.inheritanceProtected(), folder.aclHash(),
                folder.readError(), folder.sddl(), folder.listError());
    }

    /** A folder sent with its whole DACL (collectors before batches). */
    public static StagedFolder of(FolderScanned event) {
        return of(event.path(), event.depth(), event.ownerSid(), event.groupSid(), event.inheritanceProtected(), AclHash.of(event.dacl()),
                event.readError(), event.sddl(), event.listError());
    }

    private static StagedFolder of(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected, String aclHash,
                                   String readError, String sddl, String listError) {
        String stateHash = FolderStateHash.of(depth, ownerSid, groupSid, inheritanceProtected, aclHash, readError, sddl);
        String childPrefix = listError == null ? null : path + FolderPath.separator(path);
        return new StagedFolder(path, depth, ownerSid, groupSid, inheritanceProtected, aclHash, readError, sddl, stateHash, childPrefix);
    }
}
