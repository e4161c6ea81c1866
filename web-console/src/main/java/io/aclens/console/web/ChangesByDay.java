package io.aclens.console.web;

import io.aclens.contracts.api.EffectiveChangeView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The chart of changes over time: how many effective changes were detected each day of the last 30, as bars. */
public record ChangesByDay(List<Day> days, long max) {
    public record Day(LocalDate date, long changes) {
        /** The bar's height in percent of the highest. */
        public long percentOf(long max) {
            return max == 0 ? 0 : Math.max(changes == 0 ? 0 : 2, changes * 100 / max);
        }
    }

    static ChangesByDay of(List<EffectiveChangeView> changes) {
        return of(changes, LocalDate.now(ZoneOffset.UTC));
    }

    static ChangesByDay of(List<EffectiveChangeView> changes, LocalDate today) {
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (int d = 29; d >= 0; d--) {
            counts.put(today.minusDays(d), 0L);
        }
        for (EffectiveChangeView change : changes) {
            counts.computeIfPresent(change.detectedAt().atZone(ZoneOffset.UTC).toLocalDate(), (day, n) -> n + 1);
        }
        List<Day> days = new ArrayList<>();
        counts.forEach((day, n) -> days.add(new Day(day, n)));
        return new ChangesByDay(days, counts.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }
}
