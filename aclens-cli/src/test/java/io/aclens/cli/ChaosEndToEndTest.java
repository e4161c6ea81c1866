package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.cli.chaos.Chaos;
import io.aclens.cli.chaos.ChaosCommand;
import io.aclens.cli.stack.Stack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI-sized subset of ./aclens chaos: each of the four services killed once, the broker and PostgreSQL restarted once,
 * during a scan, at a moment the seed picks;
 * every run must end with the reference's snapshot, permission changes and effective changes.
 */
class ChaosEndToEndTest {

    @Test
    void killingAnyServiceDuringAScanLosesAndDoublesNothing(@TempDir Path dir) throws Exception {
        List<Chaos.Outcome> outcomes = ChaosCommand.run(Aclens.home(), dir, 1000, 1, 20261202L, ChaosCommand.TARGETS);

        assertThat(outcomes).extracting(Chaos.Outcome::target).containsExactlyElementsOf(ChaosCommand.TARGETS);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.difference()).as("run %d, %s killed during %s after %d ms",
                outcome.run(), outcome.target(), outcome.killedDuring(), outcome.killedAfterMs()).isNull());
    }
}
