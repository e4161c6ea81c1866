package io.aclens.support.rest;

import java.time.Duration;
import java.time.Instant;

/**
 * The [from, to) of a "what happened" query, from its {@code from} and {@code to} parameters (ISO instants): the last
 * {@link #DEFAULT_LENGTH} when they are absent. Every such endpoint takes it from here, so their defaults end at the
 * same instant: a second past now, so that what the database recorded this very second, on its own clock, is in.
 */
public record Period(Instant from, Instant to) {
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(1);

    public Period {
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("'from' must be before 'to'");
        }
    }

    public static Period of(String from, String to) {
        Instant end = to == null ? Instant.now().plus(CLOCK_MARGIN) : QueryParameters.instant("to", to);
        return new Period(from == null ? end.minus(DEFAULT_LENGTH) : QueryParameters.instant("from", from), end);
    }
}
