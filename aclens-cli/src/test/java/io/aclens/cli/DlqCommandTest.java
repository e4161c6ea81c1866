package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.DeadLetterHeaders;
import io.aclens.contracts.Topics;
import io.aclens.embedded.EmbeddedKafkaBroker;
import io.aclens.embedded.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./aclens dlq against a real broker: a dead-lettered event goes back to its topic once, as it was before it failed. */
class DlqCommandTest {

    @Test
    void aDeadLetteredEventIsReplayedToItsTopicOnceWithoutTheDeadLetterHeaders(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"), FreePorts.next(), FreePorts.next())) {
            kafka.createTopics(Topics.ALL);
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_type", "io.aclens.snapshot.committed.v1".getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.REASON, "snapshot service unreachable".getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.TOPIC, Topics.SNAPSHOTS.getBytes(StandardCharsets.UTF_8));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.deadLetter(Topics.SNAPSHOTS), null, "acme", "{\"snapshotId\":7}".getBytes(
                        StandardCharsets.UTF_8), headers)).get();
            }
            String[] options = {"--bootstrap-servers", kafka.bootstrapServers(), "--topic", Topics.deadLetter(Topics.SNAPSHOTS)};

            assertThat(run("list", options)).isZero();
            assertThat(run("replay", options)).isZero();
            assertThat(run("replay", options)).as("a second replay sends nothing again").isZero();

            List<ConsumerRecord<String, byte[]>> replayed = readAll(kafka.bootstrapServers(), 1);
            assertThat(recordsIn(kafka.bootstrapServers(), Topics.SNAPSHOTS)).as("replayed once, acknowledged: nothing else is on its way")
                    .isEqualTo(1);
            assertThat(replayed).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("acme");
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"snapshotId\":7}");
                assertThat(record.headers().lastHeader("ce_type")).isNotNull();
                assertThat(record.headers().lastHeader(DeadLetterHeaders.REASON)).isNull();
                assertThat(record.headers().lastHeader(DeadLetterHeaders.TOPIC)).isNull();
            });
        }
    }

    private static int run(String subcommand, String... options) {
        List<String> args = new ArrayList<>(List.of("dlq", subcommand));
        args.addAll(List.of(options));
        return new CommandLine(new Aclens()).execute(args.toArray(String[]::new));
    }

    /** The snapshots topic read until {@code expected} records arrived. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SNAPSHOTS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static long recordsIn(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
