package io.aclens.access.effective;

import java.util.List;

/** What a share's permissions allow one user, and the entries that allow it. */
public record ShareLimit(int mask, List<AccessPath> paths) {
    public ShareLimit {
        paths = List.copyOf(paths);
    }
}
