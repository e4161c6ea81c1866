package io.aclens.testing;

import com.sun.net.httpserver.HttpServer;
import io.aclens.contracts.EventCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tiny HTTP server that answers GETs with JSON, standing in for another service's REST API in a service's
 * own tests (the end-to-end test runs the real services). The route maps a path to a body; empty means 404.
 */
public final class JsonStubServer implements AutoCloseable {
    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicBoolean unavailable;
    private final java.util.concurrent.atomic.AtomicLong refused;

    private JsonStubServer(HttpServer server, java.util.concurrent.atomic.AtomicBoolean unavailable,
                           java.util.concurrent.atomic.AtomicLong refused) {
        this.server = server;
        this.unavailable = unavailable;
        this.refused = refused;
    }

    public static JsonStubServer start(Function<String, Optional<Object>> route) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.concurrent.atomic.AtomicBoolean unavailable = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        server.createContext("/", exchange -> {
            if (unavailable.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1); // as a service that is restarting answers behind its proxy
                exchange.close();
                return;
            }
            Optional<Object> body = route.apply(exchange.getRequestURI().getPath());
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
