package io.aclens.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the record value is
 * the event as JSON. {@code ce_type} names the contract and its version; a consumer that meets a type it
 * does not know, or a body that does not fit the type, gets a {@link PoisonEventException} with the reason.
 */
public final class EventCodec {
    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private static final Map<String, Class<? extends AclensEvent>> TYPES = Map.ofEntries(
            Map.entry("io.aclens.scan.started.v1", ScanStarted.class),
            Map.entry("io.aclens.scan.folder.v1", FolderScanned.class),
            Map.entry("io.aclens.scan.folders.v1", FoldersScanned.class),
            Map.entry("io.aclens.scan.heartbeat.v1", ScanHeartbeat.class),
            Map.entry("io.aclens.scan.principals.v1", ScanPrincipalsCollected.class),
            Map.entry("io.aclens.scan.completed.v1", ScanCompleted.class),
            Map.entry("io.aclens.scan.failed.v1", ScanFailed.class),
            Map.entry("io.aclens.directory.sync-started.v1", DirectorySyncStarted.class),
            Map.entry("io.aclens.directory.entries.v1", DirectoryEntriesCollected.class),
            Map.entry("io.aclens.directory.sync-completed.v1", DirectorySyncCompleted.class),
            Map.entry("io.aclens.directory.sync-failed.v1", DirectorySyncFailed.class),
            Map.entry("io.aclens.snapshot.committed.v1", SnapshotCommitted.class),
            Map.entry("io.aclens.directory-snapshot.committed.v1", DirectorySnapshotCommitted.class),
            Map.entry("io.aclens.access.changed.v1", AccessChanged.class),
            Map.entry("io.aclens.access.effective-changed.v1", EffectiveAccessChanged.class),
            Map.entry("io.aclens.changeset.completed.v1", ChangeSetCompleted.class),
            Map.entry("io.aclens.directory-changeset.completed.v1", DirectoryChangeSetCompleted.class),
            Map.entry("io.aclens.audit.recorded.v1", AuditRecorded.class));

    private static final Map<Class<? extends AclensEvent>, String> TYPE_OF_CLASS = TYPES.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String typeOf(AclensEvent event) {
        String type = TYPE_OF_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Not a contract: " + event.getClass());
        }
        return type;
    }

    public static byte[] encode(AclensEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** The CloudEvents attributes of an event as Kafka headers; {@code source} names the producing service. */
    public static Headers headers(AclensEvent event, String source) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, HEADER_SPEC_VERSION, SPEC_VERSION);
        put(headers, HEADER_ID, event.eventId());
        put(headers, HEADER_TYPE, typeOf(event));
        put(headers, HEADER_SOURCE, source);
        put(headers, HEADER_TIME, Instant.now().toString());
        put(headers, HEADER_CONTENT_TYPE, "application/json");
        return headers;
    }

    public static AclensEvent decode(Headers headers, byte[] value) {
        String type = header(headers, HEADER_TYPE)
                .orElseThrow(() -> new PoisonEventException("missing header " + HEADER_TYPE));
        Class<? extends AclensEvent> contract = TYPES.get(type);
        if (contract == null) {
            throw new PoisonEventException("unknown event type '" + type + "'");
        }
        if (value == null || value.length == 0) {
            throw new PoisonEventException("empty body for " + type);
        }
        try {
            return MAPPER.readValue(value, contract);
        } catch (IOException e) {
            throw new PoisonEventException("body does not fit " + type + ": " + rootMessage(e), e);
        }
    }

    public static <T extends AclensEvent> T decode(Headers headers, byte[] value, Class<T> expected) {
        AclensEvent event = decode(headers, value);
        if (!expected.isInstance(event)) {
            throw new PoisonEventException("expected " + expected.getSimpleName() + " but got " + event.getClass().getSimpleName());
        }
        return expected.cast(event);
    }

    public static Optional<String> header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
