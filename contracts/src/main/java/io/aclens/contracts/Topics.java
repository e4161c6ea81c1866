package io.aclens.contracts;

import java.util.List;

/** Topic names and sizing, shared by the services, the embedded broker, the tests and deploy/. */
public final class Topics {
    public static final String SCANS = "aclens.scans.v1";
    public static final String DIRECTORY = "aclens.directory.v1";
    public static final String SNAPSHOTS = "aclens.snapshots.v1";
    public static final String ACCESS_CHANGES = "aclens.access-changes.v1";
    public static final String CHANGE_SETS = "aclens.change-sets.v1";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** A topic to create, with its partition count. */
    public record TopicSpec(String name, int partitions) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(SCANS, 6),
            new TopicSpec(DIRECTORY, 3),
            new TopicSpec(SNAPSHOTS, 3),
            new TopicSpec(ACCESS_CHANGES, 3),
            new TopicSpec(CHANGE_SETS, 3),
            new TopicSpec(deadLetter(SCANS), 1),
            new TopicSpec(deadLetter(DIRECTORY), 1),
            new TopicSpec(deadLetter(SNAPSHOTS), 1),
            new TopicSpec(deadLetter(CHANGE_SETS), 1));

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
