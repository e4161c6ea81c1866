package io.aclens.contracts;

import java.util.List;

/** Topic names and sizing, shared by the services, the embedded broker, the tests and deploy/. */
public final class Topics {
    public static final String SCANS = "aclens.scans.v1";
    public static final String DIRECTORY = "aclens.directory.v1";
    public static final String SNAPSHOTS = "aclens.snapshots.v1";
    public static final String ACCESS_CHANGES = "aclens.access-changes.v1";
    public static final String CHANGE_SETS = "aclens.change-sets.v1";
    /** Who read or changed which client's data: every service writes, the collector keeps it per client. */
    public static final String AUDIT = "aclens.audit.v1";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";
    /** How long a dead letter is kept: long enough to find the cause, fix it and replay (./aclens dlq replay). */
    public static final java.time.Duration DEAD_LETTER_RETENTION = java.time.Duration.ofDays(90);

    /** A topic to create, with its partition count and the settings it needs beyond the broker's defaults. */
    public record TopicSpec(String name, int partitions, java.util.Map<String, String> config) {
        public TopicSpec(String name, int partitions) {
            this(name, partitions, name.endsWith(DEAD_LETTER_SUFFIX)
                    ? java.util.Map.of("retention.ms", Long.toString(DEAD_LETTER_RETENTION.toMillis())) : java.util.Map.of());
        }
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(SCANS, 6),
            new TopicSpec(DIRECTORY, 3),
            new TopicSpec(SNAPSHOTS, 3),
            new TopicSpec(ACCESS_CHANGES, 3),
            new TopicSpec(CHANGE_SETS, 3),
            new TopicSpec(AUDIT, 3),
            new TopicSpec(deadLetter(SCANS), 1),
            new TopicSpec(deadLetter(DIRECTORY), 1),
            new TopicSpec(deadLetter(SNAPSHOTS), 1),
            new TopicSpec(deadLetter(CHANGE_SETS), 1),
            new TopicSpec(deadLetter(AUDIT), 1));

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
