package io.aclens.contracts;

import java.util.Set;

/**
 * The headers a dead-lettered record carries beside its own, as SmallRye's dead-letter strategy writes them (and
 * ACLens' own dead-lettering copies): why, and where the record came from. A replay strips them again.
 */
public final class DeadLetterHeaders {
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final Set<String> ALL = Set.of(REASON, CAUSE, TOPIC, PARTITION, OFFSET, "dead-letter-cause-class-name",
            "dead-letter-exception-class-name");

    private DeadLetterHeaders() {
    }
}
