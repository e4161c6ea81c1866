package io.aclens.support.messaging;

import io.aclens.contracts.DeadLetterHeaders;
import io.aclens.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A poison record goes to {@code <topic>.dlq} unchanged, with the reason and its origin in the same
 * headers SmallRye's own dead-letter strategy writes, so one tool can inspect and replay both.
 */
public final class DeadLetters {
    public static final String REASON = DeadLetterHeaders.REASON;
    public static final String TOPIC = DeadLetterHeaders.TOPIC;
    public static final String PARTITION = DeadLetterHeaders.PARTITION;
    public static final String OFFSET = DeadLetterHeaders.OFFSET;

    private DeadLetters() {
    }

    public static Message<byte[]> of(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key())
                .withHeaders(headers)
                .build());
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
