package io.aclens.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.api.FindingSummaryView;
import io.aclens.contracts.api.ScanView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClientSummaryTest {
    private static final Instant NOW = Instant.now();

    private static ScanView scan(String source, Duration ago, String status) {
        return new ScanView("s-" + source + ago, "c", source, "/", status, NOW.minus(ago), NOW.minus(ago).plusSeconds(5), 10L, 0L, List.of(), 5000L,
                null, 1L, null, null);
    }

    private static FindingSummaryView findings(int high, int medium, int low) {
        return new FindingSummaryView("c", high, medium, low, NOW);
    }

    @Test
    void eachSourceShowsItsLatestScanAndTheClientIsLateAfterFiveWeeks() {
        ClientSummary summary = ClientSummary.of("c", "C", List.of(scan("a", Duration.ofDays(40), "COMMITTED"), scan("a", Duration.ofDays(50), "FAILED"),
                scan("b", Duration.ofDays(36), "INCOMPLETE")), findings(1, 0, 2));

        assertThat(summary.latestScans()).containsOnlyKeys("a", "b");
        assertThat(summary.latestScans().get("a").status()).isEqualTo("COMMITTED");
        assertThat(summary.lastStatus()).isEqualTo("INCOMPLETE");
        assertThat(summary.stale()).isTrue();
        assertThat(summary.folders()).isEqualTo(20);
        assertThat(List.of(summary.high(), summary.medium(), summary.low())).containsExactly(1L, 0L, 2L);
        assertThat(ClientSummary.of("n", "N", List.of(), null).lastScan()).as("not scanned yet").isNull();
    }

    @Test
    void clientsSortByFindingsMostSevereFirstOrByTheOldestScan() {
        ClientSummary calm = ClientSummary.of("calm", "Calm", List.of(scan("a", Duration.ofDays(1), "COMMITTED")), findings(0, 0, 1));
        ClientSummary risky = ClientSummary.of("risky", "Risky", List.of(scan("a", Duration.ofDays(3), "COMMITTED")), findings(1, 0, 0));
        ClientSummary fresh = ClientSummary.of("new", "New", List.of(), null);

        assertThat(Stream.of(calm, risky, fresh).sorted(ClientSummary.order("findings")).map(ClientSummary::clientId)).containsExactly("risky", "calm",
                "new");
        assertThat(Stream.of(calm, risky, fresh).sorted(ClientSummary.order("scan")).map(ClientSummary::clientId)).containsExactly("new", "risky",
                "calm");
        assertThat(Stream.of(calm, risky, fresh).filter(c -> c.matches("ISK")).map(ClientSummary::clientId)).containsExactly("risky");
    }
}
