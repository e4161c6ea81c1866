package io.aclens.support.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters with a problem+json answer that names the parameter. */
public final class QueryParameters {
    private QueryParameters() {
    }

    public static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + name + "' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
