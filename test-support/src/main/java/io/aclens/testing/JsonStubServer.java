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

    private JsonStubServer(HttpServer server) {
        this.server = server;
    }

    public static JsonStubServer start(Function<String, Optional<Object>> route) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Optional<Object> body = route.apply(exchange.getRequestURI().getPath());
            byte[] bytes = body.isEmpty() ? new byte[0] : EventCodec.mapper().writeValueAsBytes(body.get());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.isEmpty() ? 404 : 200, body.isEmpty() ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return new JsonStubServer(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
