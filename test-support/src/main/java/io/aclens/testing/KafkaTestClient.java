package io.aclens.testing;

import io.aclens.contracts.AclensEvent;
import io.aclens.contracts.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Plain Kafka clients against the test broker: send events or raw bytes, read what a topic holds. */
public final class KafkaTestClient implements AutoCloseable {
    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public static KafkaTestClient forTestBroker() {
        return new KafkaTestClient(KafkaBrokerResource.broker().bootstrapServers());
    }

    public void send(String topic, AclensEvent event) {
        send(topic, event.partitionKey(), EventCodec.headers(event, "/aclens/test"), EventCodec.encode(event));
    }

    /** Sends the event as part of the caller's trace ({@code traceparent} header). */
    public void send(String topic, AclensEvent event, io.aclens.testing.tracing.TestTraces.Caller trace) {
        Headers headers = EventCodec.headers(event, "/aclens/test");
        headers.add("traceparent", trace.traceparent().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(topic, event.partitionKey(), headers, EventCodec.encode(event));
    }

    /** Sends the event as if its producer had sent it at {@code sentAt} (the record's CreateTime). */
    public void send(String topic, AclensEvent event, java.time.Instant sentAt) {
        send(new ProducerRecord<>(topic, null, sentAt.toEpochMilli(), event.partitionKey(), EventCodec.encode(event),
                EventCodec.headers(event, "/aclens/test")));
    }

    public void send(String topic, String key, Headers headers, byte[] value) {
        send(new ProducerRecord<>(topic, null, key, value, headers));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        String topic = record.topic();
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    /** Reads the topic from the beginning until {@code done} holds for what was read (bounded wait). */
    public List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                          Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    public <T extends AclensEvent> List<T> events(List<ConsumerRecord<String, byte[]>> records, Class<T> type) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            AclensEvent event = EventCodec.decode(record.headers(), record.value());
            if (type.isInstance(event)) {
                events.add(type.cast(event));
            }
        }
        return events;
    }

    @Override
    public void close() {
        producer.close();
    }
}
