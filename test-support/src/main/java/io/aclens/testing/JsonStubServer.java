package io.aclens.testing;

import com.sun.net.httpserver.HttpServer;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ApiOperations;
import io.aclens.contracts.api.ApiOperations.Operation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A tiny HTTP server that answers GETs with JSON, standing in for another service's REST API in a service's
 * own tests (the end-to-end test runs the real services). It serves typed read APIs (implementations of interfaces such
 * as {@code SnapshotReadApi}, by their own annotations, so a stub cannot drift from the API its service calls) and,
 * for what has no typed API yet, a route from a path to a body; empty or null means 404.
 */
public final class JsonStubServer implements AutoCloseable {
    private static final Duration STUB_TIMEOUT = Duration.ofSeconds(10);
    private final HttpServer server;
    private final AtomicBoolean unavailable;
    private final AtomicLong refused;

    private JsonStubServer(HttpServer server, AtomicBoolean unavailable,
                           AtomicLong refused) {
        this.server = server;
        this.unavailable = unavailable;
        this.refused = refused;
    }

    public static JsonStubServer start(Function<String, Optional<Object>> route) {
        return start(route, new Object[0]);
    }

    /** Serves each implementation's typed read APIs, then {@code route} for any other path. */
    public static JsonStubServer start(Function<String, Optional<Object>> route, Object... implementations) {
        List<Map.Entry<Object, Operation>> typed = new ArrayList<>();
        for (Object implementation : implementations) {
            for (Class<?> api : implementation.getClass().getInterfaces()) {
                if (api.isAnnotationPresent(Path.class)) {
                    // reads only: a stub stands in for what a service reads from another
                    ApiOperations.of(api).stream().filter(operation -> operation.httpMethod().equals("GET"))
                            .forEach(operation -> typed.add(Map.entry(implementation, operation)));
                }
            }
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicBoolean unavailable = new AtomicBoolean();
        AtomicLong refused = new AtomicLong();
        server.createContext("/", exchange -> {
            if (unavailable.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1); // as a service that is restarting answers behind its proxy
                exchange.close();
                return;
            }
            Optional<Object> body = answer(typed, route, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery());
            byte[] bytes = body.isEmpty() ? new byte[0] : EventCodec.mapper().writeValueAsBytes(body.get());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.isEmpty() ? 404 : 200, body.isEmpty() ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return new JsonStubServer(server, unavailable, refused);
    }

    private static Optional<Object> answer(List<Map.Entry<Object, Operation>> typed,
                                           Function<String, Optional<Object>> route, String method, String path, String query) {
        for (var entry : typed) {
            Optional<Map<String, String>> pathValues = entry.getValue().match(method, path);
            if (pathValues.isPresent()) {
                try {
                    Object result = entry.getValue().method().invoke(entry.getKey(), entry.getValue().arguments(pathValues.get(), queryOf(query)));
                    Object body = result instanceof Uni<?> uni ? uni.await().atMost(STUB_TIMEOUT) : result;
                    return Optional.ofNullable(body);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("The stub of " + entry.getValue().template() + " failed", e);
                }
            }
        }
        return route.apply(URLDecoder.decode(path, StandardCharsets.UTF_8));
    }

    private static Map<String, String> queryOf(String query) {
        Map<String, String> values = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** While set, every request is answered 503 Service Unavailable, as by a service that is down. */
    public void unavailable(boolean down) {
        unavailable.set(down);
    }

    /** How many requests were answered 503 so far. */
    public long refusedRequests() {
        return refused.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
