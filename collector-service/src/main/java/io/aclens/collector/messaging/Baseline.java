package io.aclens.collector.messaging;

import io.aclens.access.FolderStateHash;
import io.aclens.contracts.api.ScanBaseline;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The folders of a source's last snapshot, by fingerprint, as one rescan compares with them: a folder found here as it
 * is need not be sent, and what is never found is gone. Held as two sorted arrays of longs (16 bytes a folder, a
 * million folders in 16 MiB), not as strings, with where each run of leading bits begins: fingerprints are SHA-256, so
 * evenly spread, and a lookup searches a handful of them instead of halving the whole (which missed the processor's
 * caches some twenty times a folder). Thread-safe without a lock: the walking threads claim at once.
 */
public final class Baseline {
    private final long snapshotId;
    private final long[] high;
    private final long[] low;
    /** Leading bits of {@link #high} that pick a bucket: two to four fingerprints a bucket, 4 bytes a bucket. */
    private final int bucketBits;
    /** Where each bucket begins in the arrays; one more entry marks the end. */
    private final int[] bucketStarts;
    /** One bit per fingerprint, set once claimed. */
    private final AtomicLongArray seen;

    private Baseline(long snapshotId, long[] high, long[] low) {
        this.snapshotId = snapshotId;
        this.high = high;
        this.low = low;
        this.bucketBits = Math.max(1, Math.min(24, 30 - Integer.numberOfLeadingZeros(high.length)));
        this.bucketStarts = new int[(1 << bucketBits) + 1];
        int at = 0;
        for (int bucket = 0; bucket < bucketStarts.length; bucket++) {
            while (at < high.length && bucketOf(high[at]) < bucket) {
                at++;
            }
            bucketStarts[bucket] = at;
        }
        this.seen = new AtomicLongArray((high.length + 63) / 64);
    }

    private int bucketOf(long high) {
        return (int) (high >>> (64 - bucketBits));
    }

    /**
     * The baseline the snapshot service gave, or null when there is none (no snapshot yet).
     *
     * @throws IllegalArgumentException when the fingerprints are not strictly ascending
     */
    public static Baseline of(ScanBaseline baseline) {
        if (baseline.snapshotId() == null) {
            return null;
        }
        ByteBuffer fingerprints = ByteBuffer.wrap(baseline.fingerprints()); // big-endian: the order of the hex digits
        long[] high = new long[baseline.size()];
        long[] low = new long[baseline.size()];
        for (int i = 0; i < high.length; i++) {
            high[i] = fingerprints.getLong();
            low[i] = fingerprints.getLong();
            if (i > 0 && compare(high[i - 1], low[i - 1], high[i], low[i]) >= 0) {
                throw new IllegalArgumentException("Fingerprints out of order at " + i);
            }
        }
        return new Baseline(baseline.snapshotId(), high, low);
    }

    public long snapshotId() {
        return snapshotId;
    }

    public int size() {
        return high.length;
    }

    /** Whether the snapshot holds this fingerprint; if so it counts as seen. */
    public boolean claim(FolderStateHash.Fingerprint fingerprint) {
        int at = indexOf(fingerprint.high(), fingerprint.low());
        if (at < 0) {
            return false;
        }
        long bit = 1L << at; // the shift takes the index modulo 64
        seen.getAndUpdate(at >>> 6, bits -> bits | bit);
        return true;
    }

    /** The fingerprints never claimed: the snapshot's folders this scan did not find as they were. */
    public List<String> unclaimed() {
        List<String> unclaimed = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < high.length; i++) {
            if ((seen.get(i >>> 6) & 1L << i) == 0) {
                unclaimed.add(hex.toHexDigits(high[i]) + hex.toHexDigits(low[i]));
            }
        }
        return unclaimed;
    }

    private int indexOf(long h, long l) {
        int bucket = bucketOf(h);
        int from = bucketStarts[bucket];
        int to = bucketStarts[bucket + 1] - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int order = compare(high[middle], low[middle], h, l);
            if (order < 0) {
                from = middle + 1;
            } else if (order > 0) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int order = Long.compareUnsigned(h1, h2);
        return order != 0 ? order : Long.compareUnsigned(l1, l2);
    }
}
