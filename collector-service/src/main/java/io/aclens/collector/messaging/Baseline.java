package io.aclens.collector.messaging;

import io.aclens.access.FolderStateHash;
import io.aclens.contracts.api.ScanBaseline;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The folders of a source's last snapshot, by fingerprint, as one rescan compares with them: a folder found here as it
 * is need not be sent, and what is never found is gone. Held as two sorted arrays of longs (16 bytes a folder, a
 * million folders in 16 MiB), not as strings, sorted here by buckets of their leading bits: fingerprints are SHA-256, so
 * evenly spread, and a lookup searches a handful of them instead of halving the whole (which missed the processor's
 * caches some twenty times a folder); sorting 200,000 so takes the collector milliseconds, where sorting them in the
 * database took it 150–220 ms of a core while the walk began. Thread-safe without a lock: the walking threads claim at once.
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

    /** Sorts the fingerprints it is given (in any order) by bucket, then within each. */
    private Baseline(long snapshotId, ByteBuffer fingerprints, int size) {
        this.snapshotId = snapshotId;
        this.bucketBits = Math.max(1, Math.min(24, 30 - Integer.numberOfLeadingZeros(size)));
        this.bucketStarts = new int[(1 << bucketBits) + 1];
        long[] givenHigh = new long[size];
        long[] givenLow = new long[size];
        for (int i = 0; i < size; i++) {
            givenHigh[i] = fingerprints.getLong();
            givenLow[i] = fingerprints.getLong();
            bucketStarts[bucketOf(givenHigh[i]) + 1]++;
        }
        for (int bucket = 1; bucket < bucketStarts.length; bucket++) {
            bucketStarts[bucket] += bucketStarts[bucket - 1];
        }
        this.high = new long[size];
        this.low = new long[size];
        int[] next = Arrays.copyOf(bucketStarts, bucketStarts.length - 1);
        for (int i = 0; i < size; i++) {
            int at = next[bucketOf(givenHigh[i])]++;
            high[at] = givenHigh[i];
            low[at] = givenLow[i];
        }
        for (int bucket = 0; bucket + 1 < bucketStarts.length; bucket++) {
            sortBucket(bucketStarts[bucket], bucketStarts[bucket + 1]);
        }
        this.seen = new AtomicLongArray((size + 63) / 64);
    }

    /** Insertion sort: a bucket holds two to four fingerprints on average, SHA-256 spreading them evenly. */
    private void sortBucket(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long h = high[i];
            long l = low[i];
            int j = i - 1;
            while (j >= from && compare(high[j], low[j], h, l) > 0) {
                high[j + 1] = high[j];
                low[j + 1] = low[j];
                j--;
            }
            high[j + 1] = h;
            low[j + 1] = l;
            if (j >= from && compare(high[j], low[j], h, l) == 0) {
                throw new IllegalArgumentException("The fingerprint " + HexFormat.of().toHexDigits(h) + HexFormat.of().toHexDigits(l)
                        + " twice");
            }
        }
    }

    private int bucketOf(long high) {
        return (int) (high >>> (64 - bucketBits));
    }

    /**
     * The baseline the snapshot service gave, its fingerprints in any order, or null when there is none (no snapshot yet).
     *
     * @throws IllegalArgumentException when a fingerprint comes twice
     */
    public static Baseline of(ScanBaseline baseline) {
        if (baseline.snapshotId() == null) {
            return null;
        }
        // big-endian: the order of the hex digits
        return new Baseline(baseline.snapshotId(), ByteBuffer.wrap(baseline.fingerprints()), baseline.size());
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
