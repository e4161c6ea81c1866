package io.aclens.access;

/**
 * One POSIX ACL entry. {@code id} is the uid or gid for named entries and {@link #UNDEFINED_ID} otherwise;
 * {@code permissions} holds the rwx bits (r = 4, w = 2, x = 1).
 */
public record PosixAclEntry(Tag tag, long id, int permissions) implements Comparable<PosixAclEntry> {
    public static final long UNDEFINED_ID = 0xFFFFFFFFL;

    /** Tags with the values the kernel uses in the {@code system.posix_acl_*} extended attributes. */
    public enum Tag {
        USER_OBJ(0x01), USER(0x02), GROUP_OBJ(0x04), GROUP(0x08), MASK(0x10), OTHER(0x20);

        private final int code;

        Tag(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public boolean named() {
            return this == USER || this == GROUP;
        }

        static Tag fromCode(int code) {
            for (Tag tag : values()) {
                if (tag.code == code) {
                    return tag;
                }
            }
            throw new IllegalArgumentException("Unknown POSIX ACL tag 0x" + Integer.toHexString(code));
        }
    }

    public PosixAclEntry {
        if (permissions < 0 || permissions > 7) {
            throw new IllegalArgumentException("POSIX permissions must be 0..7, got " + permissions);
        }
        if (!tag.named()) {
            id = UNDEFINED_ID;
        }
    }

    public static PosixAclEntry of(Tag tag, int permissions) {
        return new PosixAclEntry(tag, UNDEFINED_ID, permissions);
    }

    /** The kernel requires entries sorted by tag, then by id. */
    @Override
    public int compareTo(PosixAclEntry other) {
        int byTag = Integer.compare(tag.code, other.tag.code);
        return byTag != 0 ? byTag : Long.compare(id, other.id);
    }

    public String permissionText() {
        return ((permissions & 4) != 0 ? "r" : "-") + ((permissions & 2) != 0 ? "w" : "-")
                + ((permissions & 1) != 0 ? "x" : "-");
    }
}
