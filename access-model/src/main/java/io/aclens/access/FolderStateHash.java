package io.aclens.access;

import java.nio.ByteBuffer;

/**
 * What identifies a folder's state, computed alike by the collector and the snapshot service: the state hash (everything a
 * snapshot keeps of a folder but its path) and the fingerprint (path and state together). A rescan compares fingerprints
 * with its source's last snapshot to send only what changed.
 */
public final class FolderStateHash {
    private FolderStateHash() {
    }

    /** The hash of a folder's depth, owner, group, protection, DACL (by hash), read error and descriptor as given. */
    public static String of(int depth, String ownerSid, String groupSid, boolean inheritanceProtected, String aclHash, String readError,
                            String sddl) {
        return AclHash.hex(depth + "|" + ownerSid + "|" + groupSid + "|" + inheritanceProtected + "|" + aclHash + "|" + readError + "|" + sddl);
    }

    /**
     * The folder at this path in this state. The snapshot service computes the same in SQL:
     * {@code left(encode(sha256(convert_to(path || '|' || state_hash, 'UTF8')), 'hex'), 32)}.
     */
    public static String fingerprint(String path, String stateHash) {
        return AclHash.hex(path + "|" + stateHash);
    }

    /**
     * The same fingerprint as two numbers, its 16 bytes big-endian (the order of its hex digits): how a rescan looks each
     * folder up in its baseline without writing and parsing hex.
     */
    public static Fingerprint fingerprintBits(String path, String stateHash) {
        ByteBuffer digest = ByteBuffer.wrap(AclHash.sha256(path + "|" + stateHash));
        return new Fingerprint(digest.getLong(), digest.getLong());
    }

    /** A fingerprint's 16 bytes: {@code high} the first eight. */
    public record Fingerprint(long high, long low) {
    }
}
