package io.aclens.report;

import com.sun.net.httpserver.HttpServer;
import io.aclens.access.Principal;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
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
 * Stands in for the snapshot and diff services' REST APIs in the report service's own tests (Kafka and
 * PostgreSQL are real); the end-to-end test runs the real services.
 */
public class UpstreamServicesStub implements QuarkusTestResourceLifecycleManager {
    static final Map<Long, SnapshotView> SNAPSHOTS = new ConcurrentHashMap<>();
    static final Map<Long, FolderPage> FOLDERS = new ConcurrentHashMap<>();
    static final Map<String, List<Principal>> PRINCIPALS = new ConcurrentHashMap<>();
    static final Map<String, List<ChangeView>> CHANGES = new ConcurrentHashMap<>();
    private static final Pattern SNAPSHOT = Pattern.compile("/api/snapshots/(\\d+)");
    private static final Pattern FOLDER_PAGE = Pattern.compile("/api/snapshots/(\\d+)/folders");
    private static final Pattern CLIENT = Pattern.compile("/api/clients/([^/]+)/(principals|changes)");

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
            Matcher snapshot = SNAPSHOT.matcher(path);
            Matcher folders = FOLDER_PAGE.matcher(path);
            Matcher client = CLIENT.matcher(path);
            Object body = null;
            if (snapshot.matches()) {
                body = SNAPSHOTS.get(Long.parseLong(snapshot.group(1)));
            } else if (folders.matches()) {
                body = FOLDERS.get(Long.parseLong(folders.group(1)));
            } else if (client.matches()) {
                body = client.group(2).equals("principals") ? PRINCIPALS.getOrDefault(client.group(1), List.of())
                        : CHANGES.getOrDefault(client.group(1), List.of());
            }
            byte[] bytes = body == null ? new byte[0] : EventCodec.mapper().writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.snapshot-service.url", url, "quarkus.rest-client.diff-service.url", url);
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
