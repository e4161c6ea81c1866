package io.aclens.contracts.api;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a source's last snapshot holds, as a rescan needs it: each folder's fingerprint
 * ({@code io.aclens.access.FolderStateHash#fingerprint}: 32 hex digits, here its 16 bytes), in no particular order.
 *
 * @param snapshotId   the source's latest snapshot; null when it has none (the scan is then sent whole)
 * @param fingerprints the fingerprints one after another, each once, in any order; base64 in JSON. Bytes, not a list
 *                     of strings: no string per folder on either side, 22 bytes of JSON a folder instead of 35
 */
public record ScanBaseline(Long snapshotId, byte[] fingerprints) {
    public static final int FINGERPRINT_BYTES = 16;

    public ScanBaseline {
        fingerprints = fingerprints == null ? new byte[0] : fingerprints;
        if (fingerprints.length % FINGERPRINT_BYTES != 0) {
            throw new IllegalArgumentException("Fingerprints of " + FINGERPRINT_BYTES + " bytes each, not " + fingerprints.length + " bytes");
        }
    }

    /** A baseline from fingerprints in their hex text. */
    public static ScanBaseline ofHex(Long snapshotId, List<String> fingerprints) {
        byte[] bytes = new byte[fingerprints.size() * FINGERPRINT_BYTES];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < fingerprints.size(); i++) {
            String fingerprint = fingerprints.get(i);
            if (fingerprint.length() != 2 * FINGERPRINT_BYTES) {
                throw new IllegalArgumentException("A fingerprint of " + 2 * FINGERPRINT_BYTES + " hex digits, not '" + fingerprint + "'");
            }
            System.arraycopy(hex.parseHex(fingerprint), 0, bytes, i * FINGERPRINT_BYTES, FINGERPRINT_BYTES);
        }
        return new ScanBaseline(snapshotId, bytes);
    }

    public int size() {
        return fingerprints.length / FINGERPRINT_BYTES;
    }

    /** The fingerprints in their hex text, in order. */
    public List<String> hexFingerprints() {
        List<String> hex = new ArrayList<>(size());
        HexFormat format = HexFormat.of();
        for (int from = 0; from < fingerprints.length; from += FINGERPRINT_BYTES) {
            hex.add(format.formatHex(fingerprints, from, from + FINGERPRINT_BYTES));
        }
        return hex;
    }
}
