package io.aclens.access.effective;

import io.aclens.access.Level;
import java.util.List;

/**
 * A user's effective access to one folder: the rights granted, their level, and the paths that granted them.
 */
public record EffectiveAccess(int mask, Level level, List<AccessPath> paths) {

    public static final EffectiveAccess NONE = new EffectiveAccess(0, Level.NONE, List.of());
}
