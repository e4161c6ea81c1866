package io.aclens.testing.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** W3C trace contexts for tests: a caller's {@code traceparent}, and what a record or the exported spans say about it. */
public final class TestTraces {
    private TestTraces() {
    }

    /** A caller's trace context: a new trace id, the caller's span id, sampled ({@code 01}) or not ({@code 00}). */
    public record Caller(String traceId, String spanId, boolean isSampled) {
        public static Caller sampled() {
            return new Caller(hex(16), hex(8), true);
        }

        public static Caller notSampled() {
            return new Caller(hex(16), hex(8), false);
        }

        public String traceparent() {
            return "00-" + traceId + "-" + spanId + (isSampled ? "-01" : "-00");
        }
    }

    /** The trace id of the record's {@code traceparent} header, if it has one. */
    public static Optional<String> traceIdOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8).split("-")[1]);
    }

    /** The finished spans of one trace. */
    public static List<SpanData> spansOf(InMemorySpanExporter spans, String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reads as "no trace"
        return HexFormat.of().formatHex(random);
    }
}
