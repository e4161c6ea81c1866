package io.aclens.support.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * An event's W3C trace context ({@code traceparent}, {@code tracestate}) in its Kafka headers, as CloudEvents' distributed
 * tracing extension names them. Written by hand rather than by SmallRye's connector because events are sent through
 * emitters, straight through a producer and as dead letters alike, and published after a transaction committed, where
 * the connector would take whatever context happens to be current.
 */
public final class TraceHeaders {
    public static final String TRACEPARENT = "traceparent";
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private TraceHeaders() {
    }

    /** Adds {@code trace}'s span context to the headers, replacing any there; a context without a valid span adds nothing. */
    public static Headers inject(Context trace, Headers headers) {
        W3C.inject(trace, headers, Setter.INSTANCE);
        return headers;
    }

    /** The trace context the headers carry, or the root context when they carry none (or a malformed one). */
    public static Context extract(Headers headers) {
        return W3C.extract(Context.root(), headers, Getter.INSTANCE);
    }

    private enum Setter implements TextMapSetter<Headers> {
        INSTANCE;

        @Override
        public void set(Headers headers, String key, String value) {
            if (headers != null) {
                headers.remove(key);
                headers.add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private enum Getter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
