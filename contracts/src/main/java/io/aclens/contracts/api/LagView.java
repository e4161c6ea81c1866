package io.aclens.contracts.api;

import java.time.Instant;
import java.util.List;

/**
 * How far behind each consumer group is, as the broker sees it (committed offsets against end offsets, so a dead consumer's
 * lag still shows), and what waits in the dead-letter topics.
 */
public record LagView(Instant sampledAt, List<Group> groups, List<Partition> partitions, List<DeadLetters> deadLetters) {

    /** A consumer group: its state and live members (0 when every consumer of it is gone). */
    public record Group(String group, String state, int members, long lagRecords, double lagSeconds) {
    }

    /**
     * One partition a group reads: records not yet committed, and the age of the oldest of them (0 when none waits).
     */
    public record Partition(String group, String topic, int partition, long committedOffset, long endOffset, long lagRecords, double lagSeconds) {
    }

    /** A dead-letter topic: records kept, and the age of the newest (null when empty). */
    public record DeadLetters(String topic, long records, Double newestAgeSeconds) {
    }
}
