package io.aclens.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Content address of a DACL: equal ACE lists (same order, types, SIDs, masks and flags) hash equal, so
 * a client's thousands of folders sharing a handful of ACLs store and evaluate each ACL once.
 */
public final class AclHash {
    private static final int HASH_BYTES = 16;
    /** One digest per thread rather than a provider look-up per call: a rescan hashes every folder twice. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private AclHash() {
    }

    public static String of(List<Ace> dacl) {
        StringBuilder canonical = new StringBuilder(dacl.size() * 48);
        for (Ace ace : dacl) {
            canonical.append(ace.type()).append('|').append(ace.sid()).append('|')
                    .append(Integer.toHexString(ace.mask())).append('|');
            ace.flags().forEach(flag -> canonical.append(flag.ordinal()));
            canonical.append('\n');
        }
        return hex(canonical.toString());
    }

    /** Hash of arbitrary canonical text, used for whole-folder state (owner, group, protection, ACL). */
    public static String hex(String canonical) {
        return HexFormat.of().formatHex(sha256(canonical), 0, HASH_BYTES);
    }

    /** The whole SHA-256 of the text's UTF-8; {@link #hex} is its first 16 bytes in hex. */
    static byte[] sha256(String canonical) {
        return SHA_256.get().digest(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
