package io.aclens.collector.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.access.FolderStateHash;
import io.aclens.contracts.api.ScanBaseline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BaselineTest {
    private static final String LOW = "00000000000000000000000000000001";
    private static final String MIDDLE = "7fffffffffffffff8000000000000000";
    private static final String HIGH = "ffffffffffffffff0000000000000000"; // above the others unsigned, below them signed

    @Test
    void findsEachFingerprintAndNamesThoseNeverFound() {
        Baseline baseline = Baseline.of(ScanBaseline.ofHex(12L, List.of(HIGH, LOW, MIDDLE)));

        assertThat(baseline.snapshotId()).isEqualTo(12);
        assertThat(baseline.claim(bits(HIGH))).isTrue();
        assertThat(baseline.claim(bits(LOW))).isTrue();
        assertThat(baseline.claim(bits("00000000000000000000000000000002"))).isFalse();
        assertThat(baseline.unclaimed()).containsExactly(MIDDLE);
        assertThat(Baseline.of(ScanBaseline.ofHex(12L, List.of(MIDDLE, HIGH, LOW))).unclaimed()).as("ascending, whatever order they came in")
                .containsExactly(LOW, MIDDLE, HIGH);
    }

    @Test
    void amongManyFingerprintsClaimedFromSeveralThreadsEachIsFoundAndOnlyTheUnclaimedRemain() {
        Random random = new Random(7);
        List<String> fingerprints = random.longs(100_000).mapToObj(high -> HexFormat.of().toHexDigits(high)
                + HexFormat.of().toHexDigits(random.nextLong())).distinct().sorted().toList(); // hex order is unsigned order
        List<String> shuffled = new ArrayList<>(fingerprints);
        Collections.shuffle(shuffled, random);
        Baseline baseline = Baseline.of(ScanBaseline.ofHex(5L, shuffled));

        List<String> everyThird = IntStream.range(0, fingerprints.size()).filter(i -> i % 3 != 0).mapToObj(fingerprints::get).toList();
        long claimed = everyThird.parallelStream().filter(fingerprint -> baseline.claim(bits(fingerprint))).count();
        long strangers = random.longs(10_000).filter(high -> baseline.claim(new FolderStateHash.Fingerprint(high, 0))).count();

        assertThat(claimed).isEqualTo(everyThird.size());
        assertThat(strangers).isZero();
        assertThat(baseline.unclaimed()).containsExactlyElementsOf(
                IntStream.range(0, fingerprints.size()).filter(i -> i % 3 == 0).mapToObj(fingerprints::get).toList());
    }

    private static FolderStateHash.Fingerprint bits(String hex) {
        return new FolderStateHash.Fingerprint(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }

    @Test
    void noSnapshotIsNoBaselineAndABadAnswerIsRefused() {
        assertThat(Baseline.of(ScanBaseline.ofHex(null, List.of()))).isNull();
        assertThat(Baseline.of(ScanBaseline.ofHex(3L, List.of())).unclaimed()).isEmpty();
        assertThatThrownBy(() -> Baseline.of(ScanBaseline.ofHex(3L, List.of(LOW, HIGH, LOW)))).hasMessageContaining(LOW + " twice");
        assertThatThrownBy(() -> new ScanBaseline(3L, new byte[15])).hasMessageContaining("16 bytes each");
    }
}
