package io.aclens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.report.delivery.DeliverySchedule;
import io.aclens.report.delivery.DeliverySchedule.Cadence;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {
    private static final DeliverySchedule MONTHLY = DeliverySchedule.of(Cadence.MONTHLY, Cadence.MONTHLY.defaultCron(), "Europe/Moscow");
    private static final DeliverySchedule WEEKLY = DeliverySchedule.of(Cadence.WEEKLY, Cadence.WEEKLY.defaultCron(), "Europe/Moscow");

    @Test
    void aMonthlyFiringCoversTheCalendarMonthBeforeItInTheSubscribersZone() {
        // 2026-12-01 08:00 in Moscow is 05:00 UTC: at 05:30 UTC the December firing has happened
        DeliverySchedule.Due due = MONTHLY.lastDue(Instant.parse("2026-12-01T05:30:00Z"), Instant.EPOCH).orElseThrow();

        assertThat(due.firedAt()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(due.period().key()).isEqualTo("2026-11");
        assertThat(due.period().start().toInstant()).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
        assertThat(due.period().end().toInstant()).isEqualTo(Instant.parse("2026-11-30T21:00:00Z"));
        assertThat(MONTHLY.lastDue(Instant.parse("2026-12-01T04:59:00Z"), Instant.EPOCH).orElseThrow().period().key())
                .as("a minute before, November's firing is the last: October").isEqualTo("2026-10");
    }

    @Test
    void consecutivePeriodsMeetWithoutGapOrOverlap() {
        DeliverySchedule.Period november = MONTHLY.periodBefore(ZonedDateTime.parse("2026-12-01T08:00:00+03:00[Europe/Moscow]"));
        DeliverySchedule.Period december = MONTHLY.periodBefore(ZonedDateTime.parse("2027-01-01T08:00:00+03:00[Europe/Moscow]"));
        assertThat(december.start()).isEqualTo(november.end());

        DeliverySchedule.Period week = WEEKLY.periodBefore(ZonedDateTime.parse("2027-01-04T08:00:00+03:00[Europe/Moscow]"));
        assertThat(week.key()).isEqualTo("2026-W53");
        assertThat(WEEKLY.periodBefore(ZonedDateTime.parse("2027-01-11T08:00:00+03:00[Europe/Moscow]")).start()).isEqualTo(week.end());
    }

    @Test
    void aFiringBeforeTheSubscriptionExistedIsNotDue() {
        assertThat(MONTHLY.lastDue(Instant.parse("2026-12-10T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"))).isEmpty();
        assertThat(MONTHLY.next(Instant.parse("2026-12-10T00:00:00Z"))).contains(Instant.parse("2027-01-01T05:00:00Z"));
    }

    @Test
    void aWrongCronOrZoneIsNamed() {
        assertThatThrownBy(() -> DeliverySchedule.of(Cadence.MONTHLY, "every day", "UTC")).hasMessageContaining("cron every day");
        assertThatThrownBy(() -> DeliverySchedule.of(Cadence.MONTHLY, "0 0 8 1 * ?", "Mars/Olympus")).hasMessageContaining("timeZone Mars/Olympus");
    }
}
