package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.auth.Roles;
import io.aclens.collector.service.LagMonitor;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.LagView;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Lag read from a real broker: a group whose consumer is gone still shows its lag in records and seconds, and so do dead letters. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class LagMonitorTest {
    private static final String GROUP = "aclens-lagtest";
    private static final TopicPartition PARTITION = new TopicPartition(Topics.SNAPSHOTS, 0);

    @Inject
    LagMonitor monitor;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void produce(String topic, int count, Instant at) {
        produce(topic, 0, count, at);
    }

    private static void produce(String topic, int partition, int count, Instant at) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, at.toEpochMilli(), null, ("record " + i).getBytes()));
            }
            producer.flush();
        }
    }

    private static long endOffset() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
            return consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Test
    void aGroupWhoseConsumerIsGoneShowsItsLagInRecordsAndSecondsAndDeadLettersAreCounted() {
        String deadLetters = Topics.deadLetter(Topics.SNAPSHOTS);
        long deadBefore = monitor.sample().deadLetters().stream().filter(d -> d.topic().equals(deadLetters)).findFirst().orElseThrow().records();
        long start = endOffset();
        produce(Topics.SNAPSHOTS, 5, Instant.now().minus(Duration.ofMinutes(2)));
        produce(deadLetters, 2, Instant.now().minus(Duration.ofMinutes(1)));
        produce(Topics.SNAPSHOTS, 1, 4, Instant.now().minus(Duration.ofMinutes(3)));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(GROUP)) {
            consumer.assign(List.of(PARTITION));
            consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(start + 2)));
        }
        long neverCommitted;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
            TopicPartition one = new TopicPartition(Topics.SNAPSHOTS, 1);
            neverCommitted = consumer.endOffsets(List.of(one)).get(one) - consumer.beginningOffsets(List.of(one)).get(one);
        }

        LagView lag = monitor.sample();

        assertThat(lag.partitions()).filteredOn(p -> p.group().equals(GROUP) && p.partition() == 1).singleElement()
                .as("a partition of the topic the group never committed on waits from its earliest record, where a consumer would start")
                .satisfies(p -> assertThat(p.lagRecords()).isEqualTo(neverCommitted).isGreaterThanOrEqualTo(4))
                .satisfies(p -> assertThat(p.lagSeconds()).isGreaterThan(170.0));

        LagView.Partition waiting = lag.partitions().stream().filter(p -> p.group().equals(GROUP) && p.partition() == 0).findFirst().orElseThrow();
        assertThat(waiting.lagRecords()).isEqualTo(3);
        assertThat(waiting.lagSeconds()).as("the oldest waiting record was written two minutes ago").isBetween(110.0, 600.0);
        assertThat(lag.groups()).filteredOn(g -> g.group().equals(GROUP)).singleElement()
                .satisfies(g -> assertThat(g.members()).as("its consumer is gone").isZero());
        LagView.DeadLetters dead = lag.deadLetters().stream().filter(d -> d.topic().equals(deadLetters)).findFirst().orElseThrow();
        assertThat(dead.records()).isEqualTo(deadBefore + 2);
        assertThat(dead.newestAgeSeconds()).isBetween(50.0, 600.0);

        String metrics = TestTokens.as(TestTokens.token(Roles.OPS)).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("aclens_consumer_lag_records{group=\"" + GROUP + "\",partition=\"0\",topic=\"" + Topics.SNAPSHOTS + "\"} 3.0")
                .contains("aclens_dlq_records{topic=\"" + deadLetters + "\"} " + (double) (deadBefore + 2));
        TestTokens.as(TestTokens.token(Roles.MSP_OPERATOR)).get("/api/v1/ops/lag").then().statusCode(200)
                .body("groups.find { it.group == '" + GROUP + "' }.lagRecords", org.hamcrest.Matchers.is((int) (3 + neverCommitted)));
    }
}
