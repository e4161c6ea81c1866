package io.aclens.cli.ops;

import io.aclens.contracts.DeadLetterHeaders;
import io.aclens.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The dead-letter topics, for operators: what is there and why, and — once the cause is fixed — the records sent
 * back to the topics they came from, each exactly once (progress is the consumer group {@value #REPLAY_GROUP}'s).
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Lists and replays dead-lettered events.",
        subcommands = {DlqCommand.ListRecords.class, DlqCommand.Replay.class})
public final class DlqCommand {
    static final String REPLAY_GROUP = "aclens-dlq-replay";
    private static final Duration POLL = Duration.ofMillis(500);

    private DlqCommand() {
    }

    /** Options both subcommands take. */
    static class Connection {
        @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
                description = "Kafka (default: ${DEFAULT-VALUE}, or KAFKA_BOOTSTRAP_SERVERS).")
        String bootstrapServers;

        @Option(names = "--topic", description = "One dead-letter topic (default: every *.dlq topic ACLens uses).")
        String topic;

        List<String> topics() {
            return topic != null ? List.of(topic) : Topics.ALL.stream().map(Topics.TopicSpec::name).filter(t -> t.endsWith(".dlq")).toList();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prints every dead-lettered record with its reason.")
    public static final class ListRecords implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Connection connection = new Connection();

        @Override
        public Integer call() {
            int count = 0;
            try (KafkaConsumer<String, byte[]> consumer = consumer(connection.bootstrapServers, null)) {
                for (ConsumerRecord<String, byte[]> record : readAll(consumer, connection.topics())) {
                    count++;
                    System.out.println(record.topic() + "@" + record.partition() + ":" + record.offset() + "  " + Instant.ofEpochMilli(record.timestamp())
                            + "  key " + record.key() + "  from " + header(record, DeadLetterHeaders.TOPIC) + "@"
                            + header(record, DeadLetterHeaders.PARTITION) + ":" + header(record, DeadLetterHeaders.OFFSET)
                            + "\n    " + header(record, DeadLetterHeaders.REASON));
                }
            }
            System.out.println(count + " dead-lettered record" + (count == 1 ? "" : "s"));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Sends the records not replayed yet back to their topics, without the dead-letter headers.")
    public static final class Replay implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Connection connection = new Connection();

        @Override
        public Integer call() throws Exception {
            int replayed = 0;
            try (KafkaConsumer<String, byte[]> consumer = consumer(connection.bootstrapServers, REPLAY_GROUP);
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                         connection.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                         new StringSerializer(), new ByteArraySerializer())) {
                for (ConsumerRecord<String, byte[]> record : readAll(consumer, connection.topics())) {
                    String original = header(record, DeadLetterHeaders.TOPIC);
                    String target = original != null ? original : record.topic().replaceAll("\\.dlq$", "");
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!DeadLetterHeaders.ALL.contains(header.key())) {
                            headers.add(header);
                        }
                    }
                    producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers)).get();
                    // the record is back on its topic before it counts as replayed: a crash in between replays it again,
                    // which the idempotent consumers shrug off
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)));
                    replayed++;
                    System.out.println("replayed " + record.topic() + "@" + record.partition() + ":" + record.offset() + " to " + target);
                }
            }
            System.out.println(replayed + " record" + (replayed == 1 ? "" : "s") + " replayed");
            return 0;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String group) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group != null ? group : "aclens-dlq-list-" + java.util.UUID.randomUUID());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Everything from the group's position (the start for a new group) up to the end offsets seen when reading began. */
    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
        partitions.forEach(p -> {
            OffsetAndMetadata at = committed.get(p);
            if (at == null) {
                consumer.seekToBeginning(List.of(p));
            } else {
                consumer.seek(p, at.offset());
            }
        });
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(POLL).forEach(records::add);
        }
        records.removeIf(r -> r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())));
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
