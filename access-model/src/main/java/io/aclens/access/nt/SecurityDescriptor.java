package io.aclens.access.nt;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.FolderState;
import io.aclens.access.WellKnownSids;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A folder's security descriptor: owner, group, control flags and DACL. {@code dacl} is {@code null} for a
 * NULL DACL ("no access control": everyone may do anything), which is not the same as an empty DACL (no one
 * may do anything).
 */
public record SecurityDescriptor(String ownerSid, String groupSid, Set<Control> control, List<Ace> dacl) {

    /** Control flags that matter for a folder's DACL. */
    public enum Control {
        /** P: the DACL does not inherit from the parent (inheritance broken). */
        DACL_PROTECTED,
        /** AI: inherited ACEs were propagated automatically. */
        DACL_AUTO_INHERITED,
        /** AR: children must inherit. */
        DACL_AUTO_INHERIT_REQUIRED
    }

    public SecurityDescriptor {
        control = control == null || control.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Control.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(control));
        dacl = dacl == null ? null : List.copyOf(dacl);
    }

    public boolean inheritanceProtected() {
        return control.contains(Control.DACL_PROTECTED);
    }

    /** The DACL as evaluated: a NULL DACL grants everyone full control. */
    public List<Ace> effectiveDacl() {
        return dacl != null ? dacl : List.of(Ace.allow(WellKnownSids.EVERYONE, AccessMask.FILE_ALL_ACCESS));
    }

    public FolderState toFolderState(String path) {
        return new FolderState(path, ownerSid, inheritanceProtected(), effectiveDacl(), null);
    }
}
