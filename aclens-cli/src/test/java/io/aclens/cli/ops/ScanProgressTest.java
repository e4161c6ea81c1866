package io.aclens.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScanProgressTest {
    private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aRescanIsMeasuredAgainstTheLastSnapshotWithTheTimeLeftAtItsPace() {
        ScanProgress progress = ScanProgress.of(25_000, STARTED, STARTED.plusSeconds(10), 100_000L);

        assertThat(progress.rateText()).isEqualTo("2500");
        assertThat(progress.barText()).isEqualTo("[#####---------------] 25% of ~100000, ~30 s left");
    }

    @Test
    void aScanPastTheLastSizeStaysAt99AndAFirstScanHasNothingToCompareWith() {
        assertThat(ScanProgress.of(120, STARTED, STARTED.plusSeconds(60), 100L).barText()).isEqualTo("[###################-] 99% of ~100");
        assertThat(ScanProgress.of(500, STARTED, STARTED.plusSeconds(1), null).barText()).startsWith("(first scan");
        assertThat(ScanProgress.of(0, null, STARTED, 10L).rateText()).isEqualTo("-");
        assertThat(ScanProgress.of(3_000, STARTED, STARTED.plusSeconds(1), 1_000_000L).barText()).endsWith("~5 min 33 s left");
    }
}
