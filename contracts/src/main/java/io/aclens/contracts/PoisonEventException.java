package io.aclens.contracts;

/** An event that can never be processed, whatever the retries: it goes to the dead-letter topic with this reason. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonEventException(String reason) {
        super(reason);
    }
}
