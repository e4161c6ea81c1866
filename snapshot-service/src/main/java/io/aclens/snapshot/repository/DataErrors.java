package io.aclens.snapshot.repository;

import io.vertx.pgclient.PgException;

/**
 * Tells data the database refuses (the record's problem) from a database that cannot be reached or is failing
 * (everyone's problem). Data errors — SQLSTATE class 22, data exception (a U+0000 in text, a value out of range), and
 * class 54, program limit exceeded (an index row too large) — fail the one scan they belong to; anything else stops
 * the channel so that nothing is skipped while the database is away. A unique violation is told apart too: a caller
 * that may meet a row already written (a redelivered batch) takes it as that.
 */
public final class DataErrors {
    private static final String UNIQUE_VIOLATION = "23505";

    private DataErrors() {
    }

    public static boolean isDataError(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("54"));
    }

    /** A unique violation (SQLSTATE 23505): a row with that key is there already. */
    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** What to tell people: the SQLSTATE and the database's message, which names no data beyond the offending byte. */
    public static String describe(Throwable failure) {
        PgException pg = pgException(failure);
        return pg != null ? pg.getSqlState() + " " + pg.getErrorMessage() : String.valueOf(failure.getMessage());
    }

    private static String sqlState(Throwable failure) {
        PgException pg = pgException(failure);
        return pg == null ? null : pg.getSqlState();
    }

    /** The database's own error, wherever the client wrapped it; null when the failure did not come from it. */
    private static PgException pgException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg;
            }
        }
        return null;
    }
}
