package io.aclens.report.delivery;

import java.time.Duration;

/** How long to wait before the next try: {@code first} after the first failure, twice as long each time, at most an hour. */
public record RetryBackoff(Duration first) {
    private static final Duration MAX = Duration.ofHours(1);

    public Duration after(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = first.multipliedBy(factor);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }

    /** The innermost cause's message, at most 500 characters: what the server or the network said. */
    public static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
