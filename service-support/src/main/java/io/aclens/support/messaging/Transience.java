package io.aclens.support.messaging;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure will pass by itself: another service or the database down, restarting or overloaded. Such a
 * failure is never the event's fault: its event is retried until it passes, never dead-lettered, and its channel never
 * stopped for it.
 */
public final class Transience {
    /** SQLSTATE classes of a database that is unreachable, shutting down, out of resources, or resolving a conflict. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<Integer> TRANSIENT_HTTP = Set.of(408, 429, 502, 503, 504);

    private Transience() {
    }

    /**
     * {@code work} again and again, with back-off from {@code initial} up to {@code max}, for as long as it fails for a
     * passing reason; any other failure is passed on at once. The record waits, its partition behind it; lag shows it.
     */
    public static <T> io.smallrye.mutiny.Uni<T> retriedWhileTransient(io.smallrye.mutiny.Uni<T> work, java.time.Duration initial,
                                                                   java.time.Duration max, String what) {
        return work.onFailure(failure -> {
                    boolean passing = isTransient(failure);
                    if (passing) {
                        org.jboss.logging.Logger.getLogger(Transience.class).warnf("%s failed for a passing reason, trying again: %s", what, failure);
                    }
                    return passing;
                })
                .retry().withBackOff(initial, max).indefinitely();
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState() != null && TRANSIENT_SQL_CLASSES.contains(pg.getSqlState().substring(0, 2));
            }
            if (t instanceof WebApplicationException web) {
                return TRANSIENT_HTTP.contains(web.getResponse().getStatus());
            }
            if (t instanceof ProcessingException || t instanceof IOException || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException || t instanceof io.vertx.core.VertxException) {
                return true; // no answer at all: refused, reset, closed or timed out
            }
        }
        return false;
    }
}
