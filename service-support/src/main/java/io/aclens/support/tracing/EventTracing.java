package io.aclens.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Continues an event's trace in the service that consumes it: the work the event causes runs in a span whose parent is
 * the context the event carries, and the events that work publishes carry that span on. So one trace runs from the call
 * that started a scan through every service that the scan moves.
 */
@ApplicationScoped
public class EventTracing {
    public static final String CLIENT = "aclens.client.id";
    public static final String SOURCE = "aclens.source.id";

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code work} in a consumer span named {@code operation}, child of the record's trace (a new trace when it has
     * none); the span ends when the returned Uni does, failed if it fails. The work receives the span's context to
     * publish under (see {@link io.aclens.support.messaging.EventMessages#of(io.aclens.contracts.AclensEvent, String, Context)}).
     */
    public <T> Uni<T> consume(ConsumerRecord<?, ?> record, String operation, Function<Context, Uni<T>> work) {
        Context parent = TraceHeaders.extract(record.headers());
        Span span = tracer.spanBuilder(operation).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        Context context = parent.with(span);
        Uni<T> started;
        // current while the work is assembled, so that calls it makes at once (REST clients) join the trace too
        try (Scope ignored = context.makeCurrent()) {
            started = work.apply(context);
        } catch (RuntimeException e) {
            end(span, e);
            throw e;
        }
        return started.onTermination().invoke((item, failure, cancelled) -> end(span, failure));
    }

    /**
     * A span for work of a client's source or directory that no event caused (a scan or a sync on a worker thread), child
     * of the current context.
     */
    public Span start(String operation, String clientId, String sourceId) {
        return tracer.spanBuilder(operation).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(CLIENT, clientId)
                .setAttribute(SOURCE, sourceId)
                .startSpan();
    }

    /** Ends a span, marked failed with the failure's message when there is one. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        span.end();
    }
}
