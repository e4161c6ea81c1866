package io.aclens.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How far a running scan is: folders read so far, the pace since it started, and — when the source was scanned before —
 * a share of its last snapshot's size with the time left at that pace. A tree rarely changes size much between scans,
 * so the last snapshot is the best estimate there is; past it the scan shows 99% until it completes.
 */
record ScanProgress(long folders, Double perSecond, Long expected) {
    private static final int BAR = 20;

    /** @param expected the source's last snapshot's folder count, or null for a first scan */
    static ScanProgress of(long folders, Instant started, Instant now, Long expected) {
        double seconds = started == null ? 0 : Duration.between(started, now).toMillis() / 1000.0;
        return new ScanProgress(folders, seconds > 0 ? folders / seconds : null, expected);
    }

    String rateText() {
        return perSecond == null ? "-" : String.format(Locale.ROOT, "%.0f", perSecond);
    }

    String barText() {
        if (expected == null || expected == 0) {
            return "(first scan of this source: no size to compare with)";
        }
        int percent = (int) Math.min(99, folders * 100 / expected);
        int filled = percent * BAR / 100;
        String bar = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + percent + "%";
        if (perSecond == null || perSecond == 0 || folders >= expected) {
            return bar + " of ~" + expected;
        }
        long secondsLeft = (long) Math.ceil((expected - folders) / perSecond);
        return bar + " of ~" + expected + ", ~" + left(Duration.ofSeconds(secondsLeft)) + " left";
    }

    private static String left(Duration left) {
        return left.toHours() > 0 ? left.toHours() + " h " + left.toMinutesPart() + " min"
                : left.toMinutes() > 0 ? left.toMinutes() + " min " + left.toSecondsPart() + " s" : left.toSeconds() + " s";
    }
}
