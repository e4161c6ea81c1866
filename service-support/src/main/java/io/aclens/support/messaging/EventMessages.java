package io.aclens.support.messaging;

import io.aclens.contracts.AclensEvent;
import io.aclens.contracts.EventCodec;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Builds the Kafka message for an event: keyed by its partition key, CloudEvents attributes as headers. */
public final class EventMessages {
    private EventMessages() {
    }

    public static Message<byte[]> of(AclensEvent event, String source) {
        return Message.of(EventCodec.encode(event)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.partitionKey())
                .withHeaders(EventCodec.headers(event, source))
                .build());
    }
}
