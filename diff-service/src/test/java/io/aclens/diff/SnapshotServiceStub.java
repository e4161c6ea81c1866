package io.aclens.diff;

import com.sun.net.httpserver.HttpServer;
import io.aclens.access.Principal;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.DeltaPage;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the snapshot service's REST API in the diff service's own tests (Kafka and PostgreSQL are
 * real); the end-to-end test runs the real snapshot service.
 */
public class SnapshotServiceStub implements QuarkusTestResourceLifecycleManager {
    static final Map<Long, DeltaPage> DELTAS = new ConcurrentHashMap<>();
    static final Map<String, List<Principal>> PRINCIPALS = new ConcurrentHashMap<>();
    private static final Pattern DELTA = Pattern.compile("/api/snapshots/(\\d+)/delta");
    private static final Pattern CLIENT_PRINCIPALS = Pattern.compile("/api/clients/([^/]+)/principals");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Matcher delta = DELTA.matcher(path);
            Matcher principals = CLIENT_PRINCIPALS.matcher(path);
            Object body = delta.matches() ? DELTAS.get(Long.parseLong(delta.group(1)))
                    : principals.matches() ? PRINCIPALS.getOrDefault(principals.group(1), List.of()) : null;
            byte[] bytes = body == null ? new byte[0] : EventCodec.mapper().writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.snapshot-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
