package io.aclens.collector.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.contracts.api.ScanBaseline;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {
    private static final String LOW = "00000000000000000000000000000001";
    private static final String MIDDLE = "7fffffffffffffff8000000000000000";
    private static final String HIGH = "ffffffffffffffff0000000000000000"; // above the others unsigned, below them signed

    @Test
    void findsEachFingerprintAndNamesThoseNeverFound() {
        Baseline baseline = Baseline.of(new ScanBaseline(12L, List.of(LOW, MIDDLE, HIGH)));

        assertThat(baseline.snapshotId()).isEqualTo(12);
        assertThat(baseline.claim(HIGH)).isTrue();
        assertThat(baseline.claim(LOW)).isTrue();
        assertThat(baseline.claim("00000000000000000000000000000002")).isFalse();
        assertThat(baseline.unclaimed()).containsExactly(MIDDLE);
    }

    @Test
    void noSnapshotIsNoBaselineAndABadAnswerIsRefused() {
        assertThat(Baseline.of(new ScanBaseline(null, List.of()))).isNull();
        assertThat(Baseline.of(new ScanBaseline(3L, List.of())).unclaimed()).isEmpty();
        assertThatThrownBy(() -> Baseline.of(new ScanBaseline(3L, List.of(HIGH, LOW)))).hasMessageContaining("out of order");
        assertThatThrownBy(() -> Baseline.of(new ScanBaseline(3L, List.of(LOW, LOW)))).hasMessageContaining("out of order");
        assertThatThrownBy(() -> Baseline.of(new ScanBaseline(3L, List.of("abc")))).hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> Baseline.of(new ScanBaseline(3L, List.of("zz000000000000000000000000000000")))).isInstanceOf(IllegalArgumentException.class);
    }
}
