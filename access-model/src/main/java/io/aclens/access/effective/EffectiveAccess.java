package io.aclens.access.effective;

import io.aclens.access.Level;
import java.util.List;

/**
 * A user's effective access to one folder: the rights the folder's ACL grants, the paths that granted them, the
 * entries that apply but grant nothing because they still hold raw generic bits, and — over a share — the
 * share's own permissions, which cap everything the folder grants.
 *
 * @param folderMask the rights the folder's own ACL grants (NTFS, or POSIX)
 * @param inert      entries that apply to the user and hold only unmapped GENERIC_* bits: they grant nothing here
 * @param share      what the share's permissions allow the user, or null when the folder is not reached through a
 *                   share whose permissions are known
 */
public record EffectiveAccess(int folderMask, List<AccessPath> paths, List<AccessPath> inert, ShareLimit share) {

    public static final EffectiveAccess NONE = new EffectiveAccess(0, List.of(), List.of(), null);

    public EffectiveAccess {
        paths = List.copyOf(paths);
        inert = List.copyOf(inert);
    }

    /** The rights the user holds: the folder's, within the share's. */
    public int mask() {
        return share == null ? folderMask : folderMask & share.mask();
    }

    public Level level() {
        return Level.fromMask(mask());
    }

    /** Whether the share's permissions take away something the folder's ACL grants. */
    public boolean limitedByShare() {
        return share != null && (folderMask & ~share.mask()) != 0;
    }

    /** The same access reached through a share whose permissions allow the user {@code share}. */
    public EffectiveAccess through(ShareLimit share) {
        return new EffectiveAccess(folderMask, paths, inert, share);
    }
}
