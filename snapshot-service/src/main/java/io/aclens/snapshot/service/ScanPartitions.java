package io.aclens.snapshot.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What this replica knows of time on each scans partition it reads, on the collector's clock: the partition is caught up
 * (nothing unread: silence up to now is real), or it is not (then only the newest event time read so far counts, so a
 * consumer that fell behind never takes events still waiting in the topic for silence).
 */
@ApplicationScoped
public class ScanPartitions {
    private final KafkaClientService kafka;
    private final Map<Integer, Instant> newestRead = new ConcurrentHashMap<>();

    public ScanPartitions(KafkaClientService kafka) {
        this.kafka = kafka;
    }

    /** An event sent at {@code eventTime} was read from {@code partition}. */
    public void read(int partition, Instant eventTime) {
        newestRead.merge(partition, eventTime, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * For each partition assigned to this replica, the time up to which silence on it is known: now when its consumer has
     * read everything, else the newest event time read (a partition not read from yet is left out).
     */
    public Uni<Map<Integer, Instant>> knownUpTo() {
        return kafka.<String, byte[]>getConsumer("scans").runOnPollingThread(consumer -> {
            Set<TopicPartition> assigned = consumer.assignment();
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            Map<Integer, Instant> known = new HashMap<>();
            Instant now = Instant.now();
            for (TopicPartition partition : assigned) {
                if (consumer.position(partition) >= ends.getOrDefault(partition, 0L)) {
                    known.put(partition.partition(), now);
                } else if (newestRead.containsKey(partition.partition())) {
                    known.put(partition.partition(), newestRead.get(partition.partition()));
                }
            }
            return known;
        });
    }
}
