package io.aclens.report.delivery;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.aclens.contracts.api.SubscriptionRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * When a subscription's package is due and which period it covers: a Quartz cron in the subscription's time zone fires,
 * and the package covers the last complete calendar month (or ISO week) before that moment — a period, never "now
 * minus 30 days", so consecutive packages neither overlap nor leave days out.
 */
public final class DeliverySchedule {
    /** How long a period a package covers. */
    public enum Cadence {
        MONTHLY(SubscriptionRequest.DEFAULT_MONTHLY_CRON), WEEKLY(SubscriptionRequest.DEFAULT_WEEKLY_CRON);

        private final String defaultCron;

        Cadence(String defaultCron) {
            this.defaultCron = defaultCron;
        }

        /** The 1st of the month (or Monday) at 08:00. */
        public String defaultCron() {
            return defaultCron;
        }
    }

    /** A calendar period in the subscription's zone: {@code 2026-11} or {@code 2026-W47}. */
    public record Period(String key, ZonedDateTime start, ZonedDateTime end) {
    }

    /** A firing of the schedule and the period its package covers. */
    public record Due(Instant firedAt, Period period) {
    }

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final Cadence cadence;
    private final ExecutionTime firings;
    private final ZoneId zone;

    private DeliverySchedule(Cadence cadence, ExecutionTime firings, ZoneId zone) {
        this.cadence = cadence;
        this.firings = firings;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming what is wrong with the cron or the zone */
    public static DeliverySchedule of(Cadence cadence, String cron, String timeZone) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timeZone " + timeZone + " is not a time zone (e.g. Europe/Moscow)");
        }
        try {
            return new DeliverySchedule(cadence, ExecutionTime.forCron(QUARTZ.parse(cron)), zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cron " + cron + " is not a Quartz cron (seconds first, e.g. " + cadence.defaultCron() + "): "
                    + e.getMessage());
        }
    }

    /** The latest firing at or before {@code now} that came after {@code since} (e.g. the subscription's creation). */
    public Optional<Due> lastDue(Instant now, Instant since) {
        ZonedDateTime at = now.atZone(zone);
        Optional<ZonedDateTime> fired = firings.isMatch(at.withNano(0)) ? Optional.of(at.withNano(0)) : firings.lastExecution(at);
        return fired.filter(f -> f.toInstant().isAfter(since)).map(f -> new Due(f.toInstant(), periodBefore(f)));
    }

    public Optional<Instant> next(Instant now) {
        return firings.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /** The last complete month or ISO week before {@code moment}. */
    public Period periodBefore(ZonedDateTime moment) {
        LocalDate day = moment.toLocalDate();
        if (cadence == Cadence.MONTHLY) {
            YearMonth month = YearMonth.from(day).minusMonths(1);
            return new Period(month.toString(), month.atDay(1).atStartOfDay(zone), month.plusMonths(1).atDay(1).atStartOfDay(zone));
        }
        LocalDate monday = day.with(DayOfWeek.MONDAY).minusWeeks(1);
        String key = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Period(key, monday.atStartOfDay(zone), monday.plusWeeks(1).atStartOfDay(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
