package io.aclens.contracts.api;

import java.util.List;

/**
 * Who receives a client's package and how: recipients, language ({@code ru} or {@code en}), time zone, cadence
 * ({@code MONTHLY} — the calendar month — or {@code WEEKLY} — the ISO week), an optional Quartz cron in that zone (by
 * default the 1st at 08:00, or Monday at 08:00), whether to send it when nothing changed, and what it covers: some
 * {@code sources} and folders ({@code pathPrefixes}; all when empty), the folders the people of some {@code departments} (the
 * directory's department attribute) can reach with only those people as columns, and some parts ({@code contents}: MATRIX_BY_PERSON,
 * MATRIX_BY_GROUP, CHANGES, FINDINGS; all when empty).
 */
public record SubscriptionRequest(List<String> to, List<String> cc, String language, String timeZone, String cadence, String cron,
                                  Boolean sendWhenUnchanged, List<String> sources, List<String> pathPrefixes, List<String> departments,
                                  List<String> contents) {
    /** The schedule of a monthly subscription without a cron: the 1st at 08:00 in its time zone. */
    public static final String DEFAULT_MONTHLY_CRON = "0 0 8 1 * ?";
    /** The schedule of a weekly subscription without a cron: Monday at 08:00 in its time zone. */
    public static final String DEFAULT_WEEKLY_CRON = "0 0 8 ? * MON";
}
