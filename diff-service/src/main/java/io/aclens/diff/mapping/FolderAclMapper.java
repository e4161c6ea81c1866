package io.aclens.diff.mapping;

import io.aclens.access.effective.EffectiveChanges;
import io.aclens.contracts.api.FolderView;

/** Folder views as the effective-access engine takes them. */
public final class FolderAclMapper {
    private FolderAclMapper() {
    }

    public static EffectiveChanges.FolderAcl toFolderAcl(String sourceId, FolderView folder) {
        return new EffectiveChanges.FolderAcl(sourceId, folder.path(), folder.ownerSid(), folder.dacl());
    }
}
