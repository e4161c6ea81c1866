package io.aclens.collector.service;

import io.aclens.contracts.Topics;
import io.aclens.contracts.api.LagView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Event lag from the broker's point of view: every few seconds, each ACLens consumer group's committed offsets against the
 * partitions' end offsets (so the lag of a dead consumer keeps showing and growing), the age of the oldest waiting record
 * (read at the committed offset), the group's live members, and the dead-letter topics. Exported as Prometheus gauges and
 * served over the API.
 */
@ApplicationScoped
public class LagMonitor {
    static final String GROUP_PREFIX = "aclens-";
    private static final Logger LOG = Logger.getLogger(LagMonitor.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final MultiGauge lagRecords;
    private final MultiGauge lagSeconds;
    private final MultiGauge members;
    private final MultiGauge deadLetterRecords;
    private final MultiGauge deadLetterAge;
    private volatile LagView latest = new LagView(null, List.of(), List.of(), List.of());

    /** The connection settings alone: the reader must not join (or commit for) the service's group. */
    private static Properties clientProperties(Map<String, Object> kafka) {
        Properties properties = new Properties();
        kafka.forEach((key, value) -> {
            if (!key.equals(ConsumerConfig.GROUP_ID_CONFIG)) {
                properties.put(key, value);
            }
        });
        return properties;
    }

    /**
     * @param kafka the service's own Kafka client settings ({@code kafka.*}, {@code KAFKA_*}): the broker and, in a
     *              deployment, its TLS and SCRAM credentials, so the monitor connects as the channels do
     */
    public LagMonitor(@Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        Properties adminProperties = clientProperties(kafka);
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        this.admin = Admin.create(adminProperties);
        Properties readerProperties = clientProperties(kafka);
        readerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        readerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        this.reader = new KafkaConsumer<>(readerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.lagRecords = MultiGauge.builder("aclens.consumer.lag.records").description("Records not yet committed by the group").register(registry);
        this.lagSeconds = MultiGauge.builder("aclens.consumer.lag.seconds").description("Age of the oldest record the group has not committed")
                .baseUnit("seconds").register(registry);
        this.members = MultiGauge.builder("aclens.consumer.group.members").description("Live members of the consumer group").register(registry);
        this.deadLetterRecords = MultiGauge.builder("aclens.dlq.records").description("Records kept in the dead-letter topic").register(registry);
        this.deadLetterAge = MultiGauge.builder("aclens.dlq.newest.age.seconds").description("Age of the newest dead letter").baseUnit("seconds")
                .register(registry);
    }

    public LagView latest() {
        return latest;
    }

    @Scheduled(every = "${aclens.collector.lag-interval}", identity = "lag-monitor", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleOnSchedule() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the consumer groups' lag from the broker: %s", e.getMessage());
        }
    }

    /** Reads every group's lag and the dead letters now. */
    public synchronized LagView sample() {
        Instant now = Instant.now();
        try {
            List<String> groups = admin.listConsumerGroups().all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(g -> g.startsWith(GROUP_PREFIX)).sorted().toList();
            Map<String, ConsumerGroupDescription> descriptions = groups.isEmpty() ? Map.of()
                    : admin.describeConsumerGroups(groups).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<LagView.Partition> partitions = new ArrayList<>();
            for (String group : groups) {
                Map<TopicPartition, Long> positions = positions(group, descriptions.get(group));
                Map<TopicPartition, Long> ends = offsets(positions.keySet(), OffsetSpec.latest());
                positions.forEach((tp, position) -> {
                    long end = ends.getOrDefault(tp, position);
                    long waiting = Math.max(0, end - position);
                    double age = waiting == 0 ? 0 : timestampAt(tp, position).map(ts -> secondsSince(ts, now)).orElse(0.0);
                    partitions.add(new LagView.Partition(group, tp.topic(), tp.partition(), position, end, waiting, age));
                });
            }
            partitions.sort(java.util.Comparator.comparing(LagView.Partition::group).thenComparing(LagView.Partition::topic)
                    .thenComparingInt(LagView.Partition::partition));
            List<LagView.Group> groupViews = groups.stream().map(group -> {
                List<LagView.Partition> mine = partitions.stream().filter(p -> p.group().equals(group)).toList();
                ConsumerGroupDescription description = descriptions.get(group);
                return new LagView.Group(group, description == null ? "UNKNOWN" : String.valueOf(description.groupState()),
                        description == null ? 0 : description.members().size(), mine.stream().mapToLong(LagView.Partition::lagRecords).sum(),
                        mine.stream().mapToDouble(LagView.Partition::lagSeconds).max().orElse(0));
            }).toList();
            LagView view = new LagView(now, groupViews, List.copyOf(partitions), deadLetters(now));
            export(view);
            latest = view;
            return view;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the lag", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The broker did not answer: " + e.getMessage(), e);
        }
    }

    /**
     * Where the group stands on every partition of every topic it reads (those it committed on, and those its live members
     * are assigned): its committed offset, or — for a partition it never committed on — the earliest record, where its
     * consumers start ({@code auto.offset.reset=earliest}). Without the second part a scan whose id hashes to a partition
     * the group never read would wait unseen while the consumer is down.
     */
    private Map<TopicPartition, Long> positions(String group, ConsumerGroupDescription description) throws InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        java.util.Set<String> topics = new java.util.TreeSet<>();
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        if (description != null) {
            description.members().forEach(member -> member.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic())));
        }
        Map<TopicPartition, Long> positions = new java.util.TreeMap<>(java.util.Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                positions.put(tp, offset.offset());
            }
        });
        if (topics.isEmpty()) {
            return positions;
        }
        List<TopicPartition> never = admin.describeTopics(topics).allTopicNames().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()
                .stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .filter(tp -> !positions.containsKey(tp)).toList();
        positions.putAll(offsets(never, OffsetSpec.earliest()));
        return positions;
    }

    private List<LagView.DeadLetters> deadLetters(Instant now) throws InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        List<String> topics = Topics.ALL.stream().map(Topics.TopicSpec::name).filter(name -> name.endsWith(Topics.DEAD_LETTER_SUFFIX)).toList();
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        List<LagView.DeadLetters> result = new ArrayList<>();
        for (String topic : topics) {
            long records = 0;
            Double newest = null;
            for (TopicPartition tp : partitions.stream().filter(p -> p.topic().equals(topic)).toList()) {
                long count = ends.getOrDefault(tp, 0L) - starts.getOrDefault(tp, 0L);
                records += count;
                if (count > 0) {
                    Optional<Double> age = timestampAt(tp, ends.get(tp) - 1).map(ts -> secondsSince(ts, now));
                    if (age.isPresent() && (newest == null || age.get() < newest)) {
                        newest = age.get();
                    }
                }
            }
            result.add(new LagView.DeadLetters(topic, records, newest));
        }
        return result;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) throws InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** The timestamp of the record at {@code offset}, read without joining any group. */
    private Optional<Long> timestampAt(TopicPartition tp, long offset) {
        reader.assign(List.of(tp));
        reader.seek(tp, offset);
        ConsumerRecords<byte[], byte[]> records = reader.poll(Duration.ofSeconds(2));
        return records.records(tp).stream().findFirst().map(record -> record.timestamp());
    }

    private static double secondsSince(long timestampMillis, Instant now) {
        return Math.max(0, (now.toEpochMilli() - timestampMillis) / 1000.0);
    }

    private void export(LagView view) {
        lagRecords.register(view.partitions().stream().map(p -> MultiGauge.Row.of(Tags.of("group", p.group(), "topic", p.topic(), "partition",
                String.valueOf(p.partition())), p.lagRecords())).collect(Collectors.toList()), true);
        lagSeconds.register(view.partitions().stream().map(p -> MultiGauge.Row.of(Tags.of("group", p.group(), "topic", p.topic(), "partition",
                String.valueOf(p.partition())), p.lagSeconds())).collect(Collectors.toList()), true);
        members.register(view.groups().stream().map(g -> MultiGauge.Row.of(Tags.of("group", g.group()), g.members())).collect(Collectors.toList()),
                true);
        deadLetterRecords.register(view.deadLetters().stream().map(d -> MultiGauge.Row.of(Tags.of("topic", d.topic()), d.records()))
                .collect(Collectors.toList()), true);
        deadLetterAge.register(view.deadLetters().stream().filter(d -> d.newestAgeSeconds() != null)
                .map(d -> MultiGauge.Row.of(Tags.of("topic", d.topic()), d.newestAgeSeconds())).collect(Collectors.toList()), true);
    }

    void close(@Observes ShutdownEvent event) {
        admin.close(Duration.ofSeconds(5));
        synchronized (this) {
            reader.close(Duration.ofSeconds(5));
        }
    }
}
