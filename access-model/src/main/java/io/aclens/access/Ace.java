package io.aclens.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/** One access control entry: allow or deny {@code mask} to the principal {@code sid}. */
public record Ace(AceType type, String sid, int mask, Set<AceFlag> flags) {
    /**
     * Every combination of flags, made once: a million-folder client's read model holds hundreds of thousands of ACEs,
     * and a set of their own cost each of them 48 bytes.
     */
    private static final List<Set<AceFlag>> FLAG_SETS = IntStream.range(0, 1 << AceFlag.values().length).mapToObj(bits -> {
        EnumSet<AceFlag> set = EnumSet.noneOf(AceFlag.class);
        for (AceFlag flag : AceFlag.values()) {
            if ((bits & (1 << flag.ordinal())) != 0) {
                set.add(flag);
            }
        }
        return Collections.unmodifiableSet(set);
    }).toList();

    public Ace {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sid, "sid");
        int bits = 0;
        if (flags != null) {
            for (AceFlag flag : flags) {
                bits |= 1 << flag.ordinal();
            }
        }
        flags = FLAG_SETS.get(bits);
    }

    public static Ace allow(String sid, int mask, AceFlag... flags) {
        return new Ace(AceType.ALLOW, sid, mask, flagSet(flags));
    }

    public static Ace deny(String sid, int mask, AceFlag... flags) {
        return new Ace(AceType.DENY, sid, mask, flagSet(flags));
    }

    /** Whether the ACE takes effect on the folder that holds it (inherit-only ACEs do not). */
    public boolean appliesToThisFolder() {
        return !flags.contains(AceFlag.INHERIT_ONLY);
    }

    public boolean inherited() {
        return flags.contains(AceFlag.INHERITED);
    }

    /** Inherited by subfolders but not by files: with read &amp; execute this is "List folder contents". */
    public boolean foldersOnly() {
        return flags.contains(AceFlag.CONTAINER_INHERIT) && !flags.contains(AceFlag.OBJECT_INHERIT);
    }

    private static Set<AceFlag> flagSet(AceFlag... flags) {
        EnumSet<AceFlag> set = EnumSet.noneOf(AceFlag.class);
        Collections.addAll(set, flags);
        return set;
    }
}
