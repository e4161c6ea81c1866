package io.aclens.support.messaging;

import io.aclens.contracts.AclensEvent;
import io.aclens.contracts.EventCodec;
import io.aclens.support.tracing.TraceHeaders;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds the Kafka message for an event: keyed by its partition key, CloudEvents attributes as headers, and the trace it
 * belongs to ({@code traceparent}).
 */
public final class EventMessages {
    private EventMessages() {
    }

    /** The event as part of the trace current on this thread (a REST call's, a scan's). */
    public static Message<byte[]> of(AclensEvent event, String source) {
        return of(event, source, Context.current());
    }

    /** The event as part of {@code trace}: the work that published it, e.g. what {@code EventTracing.consume} gave. */
    public static Message<byte[]> of(AclensEvent event, String source, Context trace) {
        return Message.of(EventCodec.encode(event)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.partitionKey())
                .withHeaders(headers(event, source, trace))
                .build());
    }

    /** The CloudEvents headers and the trace context, for a record sent straight through a producer. */
    public static Headers headers(AclensEvent event, String source, Context trace) {
        return TraceHeaders.inject(trace, EventCodec.headers(event, source));
    }
}
