package io.aclens.access;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A POSIX.1e ACL, read from or written to the Linux {@code system.posix_acl_access} /
 * {@code system.posix_acl_default} extended attributes (little-endian: a 4-byte version header, then
 * 8-byte entries of tag, permissions and id). Reading the attribute directly is what lets the collector
 * work without the {@code getfacl} binary.
 */
public record PosixAcl(List<PosixAclEntry> entries) {
    private static final int XATTR_VERSION = 2;
    private static final int HEADER_SIZE = 4;
    private static final int ENTRY_SIZE = 8;

    public PosixAcl {
        entries = entries.stream().sorted().toList();
    }

    public static PosixAcl decode(byte[] xattr) {
        if (xattr.length < HEADER_SIZE || (xattr.length - HEADER_SIZE) % ENTRY_SIZE != 0) {
            throw new IllegalArgumentException("Malformed POSIX ACL attribute of " + xattr.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(xattr).order(ByteOrder.LITTLE_ENDIAN);
        int version = buffer.getInt();
        if (version != XATTR_VERSION) {
            throw new IllegalArgumentException("Unsupported POSIX ACL attribute version " + version);
        }
        List<PosixAclEntry> entries = new ArrayList<>();
        while (buffer.hasRemaining()) {
            PosixAclEntry.Tag tag = PosixAclEntry.Tag.fromCode(Short.toUnsignedInt(buffer.getShort()));
            int permissions = Short.toUnsignedInt(buffer.getShort());
            long id = Integer.toUnsignedLong(buffer.getInt());
            entries.add(new PosixAclEntry(tag, id, permissions));
        }
        return new PosixAcl(entries);
    }

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE + ENTRY_SIZE * entries.size()).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(XATTR_VERSION);
        for (PosixAclEntry entry : entries) {
            buffer.putShort((short) entry.tag().code());
            buffer.putShort((short) entry.permissions());
            buffer.putInt((int) entry.id());
        }
        return buffer.array();
    }

    /** The minimal ACL that plain mode bits describe (no extended attribute present). */
    public static PosixAcl fromMode(int mode) {
        return new PosixAcl(List.of(
                PosixAclEntry.of(PosixAclEntry.Tag.USER_OBJ, (mode >> 6) & 7),
                PosixAclEntry.of(PosixAclEntry.Tag.GROUP_OBJ, (mode >> 3) & 7),
                PosixAclEntry.of(PosixAclEntry.Tag.OTHER, mode & 7)));
    }

    /**
     * Parses the short text form with numeric ids, e.g. {@code u::rwx,u:1001:r-x,g::r-x,m::rwx,o::---}
     * (the form {@code setfacl -n} accepts). Used to describe trees in tests and the demo.
     */
    public static PosixAcl parseText(String text) {
        List<PosixAclEntry> entries = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] fields = part.trim().split(":", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("Expected tag:id:perms in '" + part + "'");
            }
            boolean named = !fields[1].isEmpty();
            PosixAclEntry.Tag tag = switch (fields[0]) {
                case "u", "user" -> named ? PosixAclEntry.Tag.USER : PosixAclEntry.Tag.USER_OBJ;
                case "g", "group" -> named ? PosixAclEntry.Tag.GROUP : PosixAclEntry.Tag.GROUP_OBJ;
                case "m", "mask" -> PosixAclEntry.Tag.MASK;
                case "o", "other" -> PosixAclEntry.Tag.OTHER;
                default -> throw new IllegalArgumentException("Unknown tag '" + fields[0] + "' in '" + part + "'");
            };
            long id = named ? Long.parseLong(fields[1]) : PosixAclEntry.UNDEFINED_ID;
            entries.add(new PosixAclEntry(tag, id, parsePermissions(fields[2], part)));
        }
        return new PosixAcl(entries);
    }

    public Optional<Integer> mask() {
        return entries.stream().filter(e -> e.tag() == PosixAclEntry.Tag.MASK).map(PosixAclEntry::permissions).findFirst();
    }

    public Optional<PosixAclEntry> first(PosixAclEntry.Tag tag) {
        return entries.stream().filter(e -> e.tag() == tag).findFirst();
    }

    /** Mode bits as the kernel keeps them for this ACL: the group bits show the mask when there is one. */
    public int modeBits() {
        int owner = first(PosixAclEntry.Tag.USER_OBJ).map(PosixAclEntry::permissions).orElse(0);
        int group = mask().orElseGet(() -> first(PosixAclEntry.Tag.GROUP_OBJ).map(PosixAclEntry::permissions).orElse(0));
        int other = first(PosixAclEntry.Tag.OTHER).map(PosixAclEntry::permissions).orElse(0);
        return owner << 6 | group << 3 | other;
    }

    private static int parsePermissions(String text, String part) {
        if (text.length() != 3) {
            throw new IllegalArgumentException("Permissions must look like rwx, r-x or --- in '" + part + "'");
        }
        int permissions = 0;
        String expected = "rwx";
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (c == expected.charAt(i)) {
                permissions |= 4 >> i;
            } else if (c != '-') {
                throw new IllegalArgumentException("Unexpected '" + c + "' in permissions of '" + part + "'");
            }
        }
        return permissions;
    }
}
