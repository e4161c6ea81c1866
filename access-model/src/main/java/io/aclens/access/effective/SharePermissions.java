package io.aclens.access.effective;

import io.aclens.access.Ace;
import java.util.List;

/**
 * A share's own security descriptor. Over the network Windows checks it before the folder's: a person gets the
 * intersection of what the share allows and what the folder's ACL allows (Full control on the folder, Read on the
 * share: Read).
 *
 * @param uncPath the share ({@code \\server\share})
 * @param dacl    the share's DACL; null for a NULL DACL, which allows everyone everything
 */
public record SharePermissions(String uncPath, List<Ace> dacl) {
    public SharePermissions {
        dacl = dacl == null ? null : List.copyOf(dacl);
    }

    /** What the share allows this token: its DACL walked like a folder's, with no owner. */
    public ShareLimit limitFor(AccessToken token) {
        EffectiveAccess access = NtAccessCheck.evaluate(null, dacl, token);
        return new ShareLimit(access.folderMask(), access.paths());
    }

    /** Only the mask, for the matrix. */
    public int maskFor(AccessToken token) {
        return NtAccessCheck.mask(null, dacl, token);
    }
}
