package io.aclens.access.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A Windows security identifier in its string ({@code S-1-5-21-…}) and binary (MS-DTYP 2.4.2.2) forms.
 * The string form is what the rest of ACLens keys principals by.
 */
public final class Sid {
    private static final Pattern FORM = Pattern.compile("S-1-(\\d+|0[xX][0-9A-Fa-f]{12})(-\\d+){0,15}");
    private static final int MAX_SUB_AUTHORITIES = 15;

    private final long authority;
    private final long[] subAuthorities;

    private Sid(long authority, long[] subAuthorities) {
        this.authority = authority;
        this.subAuthorities = subAuthorities;
    }

    /** Parses {@code S-1-…}; throws IllegalArgumentException naming what is wrong. */
    public static Sid parse(String text) {
        if (text == null || !FORM.matcher(text.toUpperCase(java.util.Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("Not a SID: '" + text + "' (expected S-1-<authority>-<sub-authority>…)");
        }
        String[] parts = text.split("-");
        String authorityText = parts[2];
        long authority = authorityText.toLowerCase(java.util.Locale.ROOT).startsWith("0x")
                ? Long.parseLong(authorityText.substring(2), 16) : Long.parseLong(authorityText);
        if (authority > 0xFFFFFFFFFFFFL) {
            throw new IllegalArgumentException("SID authority out of range in '" + text + "'");
        }
        long[] subs = new long[parts.length - 3];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = Long.parseLong(parts[i + 3]);
            if (subs[i] > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("SID sub-authority out of range in '" + text + "'");
            }
        }
        return new Sid(authority, subs);
    }

    /** Reads a binary SID (as in objectSid or a security descriptor) starting at {@code offset}. */
    public static Sid fromBytes(byte[] bytes, int offset) {
        if (bytes.length - offset < 8 || bytes[offset] != 1) {
            throw new IllegalArgumentException("Not a binary SID (revision must be 1, at least 8 bytes)");
        }
        int count = bytes[offset + 1] & 0xFF;
        if (count > MAX_SUB_AUTHORITIES || bytes.length - offset < 8 + 4 * count) {
            throw new IllegalArgumentException("Binary SID truncated or with too many sub-authorities (" + count + ")");
        }
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | (bytes[offset + 2 + i] & 0xFF);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset + 8, 4 * count).order(ByteOrder.LITTLE_ENDIAN);
        long[] subs = new long[count];
        for (int i = 0; i < count; i++) {
            subs[i] = Integer.toUnsignedLong(buffer.getInt());
        }
        return new Sid(authority, subs);
    }

    public static Sid fromBytes(byte[] bytes) {
        return fromBytes(bytes, 0);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(byteLength()).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 1).put((byte) subAuthorities.length);
        for (int i = 5; i >= 0; i--) {
            buffer.put((byte) (authority >>> (8 * i)));
        }
        for (long sub : subAuthorities) {
            buffer.putInt((int) sub);
        }
        return buffer.array();
    }

    public int byteLength() {
        return 8 + 4 * subAuthorities.length;
    }

    /** The SID one level up: a domain SID for an account's SID. */
    public Sid parent() {
        return new Sid(authority, Arrays.copyOf(subAuthorities, Math.max(0, subAuthorities.length - 1)));
    }

    /** A SID below this one: an account's SID from its domain's SID and relative id. */
    public Sid child(long relativeId) {
        long[] subs = Arrays.copyOf(subAuthorities, subAuthorities.length + 1);
        subs[subs.length - 1] = relativeId;
        return new Sid(authority, subs);
    }

    public long relativeId() {
        return subAuthorities.length == 0 ? -1 : subAuthorities[subAuthorities.length - 1];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("S-1-");
        text.append(authority >= 1L << 32 ? String.format("0x%012X", authority) : Long.toString(authority));
        for (long sub : subAuthorities) {
            text.append('-').append(sub);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sid sid && sid.authority == authority && Arrays.equals(sid.subAuthorities, subAuthorities);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(authority) * 31 + Arrays.hashCode(subAuthorities);
    }
}
