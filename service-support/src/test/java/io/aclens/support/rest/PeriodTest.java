package io.aclens.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void theDefaultIsTheLastThirtyDaysEndingJustPastNow() {
        Instant before = Instant.now();
        Period period = Period.of(null, null);

        assertThat(period.to()).as("what the database recorded this second is in").isAfter(before);
        assertThat(Duration.between(period.from(), period.to())).isEqualTo(Period.DEFAULT_LENGTH);
    }

    @Test
    void givenBoundsAreTakenAsTheyAreAndAMissingStartCountsBackFromTheEnd() {
        assertThat(Period.of("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"))
                .isEqualTo(new Period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(Period.of(null, "2026-12-01T00:00:00Z").from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void anEmptyOrUnreadablePeriodIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Period.of("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("'from' must be before 'to'");
        assertThatThrownBy(() -> Period.of("yesterday", null)).isInstanceOf(ProblemException.class).hasMessageContaining("'from'");
    }
}
