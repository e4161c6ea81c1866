package io.aclens.diff.service;

import io.aclens.access.effective.EffectiveChanges;
import io.aclens.contracts.api.FolderView;

/** Folder views as the effective-access engine takes them. */
final class FolderAcls {
    private FolderAcls() {
    }

    static EffectiveChanges.FolderAcl of(String sourceId, FolderView folder) {
        return new EffectiveChanges.FolderAcl(sourceId, folder.path(), folder.ownerSid(), folder.dacl());
    }
}
