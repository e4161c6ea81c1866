package io.aclens.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.cli.stack.TypedApiClient;
import io.aclens.contracts.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * ACLens' API as the command calls it: the gateway's base URL, the operator's token, and answers read into the
 * contracts' records; an error answer becomes one line with the problem's title and detail.
 */
public class AclensApi {
    @Option(names = "--api-url", defaultValue = "${env:ACLENS_API_URL:-http://127.0.0.1:8080}",
            description = "ACLens' API gateway (default: ${DEFAULT-VALUE}, or ACLENS_API_URL).")
    String apiUrl;

    @Option(names = "--token", defaultValue = "${env:ACLENS_TOKEN}",
            description = "A bearer token: msp-admin to onboard, msp-operator to list, test and scan, a role of the client to read (default: ACLENS_TOKEN).")
    String token;

    /** An answer that was not a success: the problem's status, title and detail. */
    public static final class ApiException extends Exception {
        private final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** An answer that was not a success, from a typed API call (whose methods cannot throw checked exceptions). */
    public static final class UncheckedApiException extends RuntimeException {
        UncheckedApiException(ApiException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * A typed API of the contracts ({@code SnapshotReadApi}, {@code DeliveryWriteApi}, …) called through the gateway with
     * this command's token. A GET answered 404 reads as nothing; any other failure is an {@link UncheckedApiException}.
     */
    <T> T typed(Class<T> api) {
        return TypedApiClient.of(api, (method, path, body) -> {
            try {
                return Optional.of(send(method, path, body));
            } catch (ApiException e) {
                if (e.status() == 404 && method.equals("GET")) {
                    return Optional.empty();
                }
                throw new UncheckedApiException(e);
            }
        });
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    <T> T get(String path, Class<T> type) throws ApiException {
        return read(send("GET", path, null), type);
    }

    <T> T post(String path, Object body, Class<T> type) throws ApiException {
        return read(send("POST", path, body), type);
    }

    <T> T put(String path, Object body, Class<T> type) throws ApiException {
        return read(send("PUT", path, body), type);
    }

    void delete(String path) throws ApiException {
        send("DELETE", path, null);
    }

    /** The same call to another ACLens endpoint than the gateway (the web console's invitations), with this command's token. */
    <T> T post(String baseUrl, String path, Object body, Class<T> type) throws ApiException {
        return read(send(baseUrl, "POST", path, body), type);
    }

    private String send(String method, String path, Object body) throws ApiException {
        return send(apiUrl, method, path, body);
    }

    private String send(String baseUrl, String method, String path, Object body) throws ApiException {
        if (token == null || token.isBlank()) {
            throw new ApiException(401, "A token is needed: --token or ACLENS_TOKEN (ACLENS_TOKEN=$(./aclens token create --role msp-admin --expires 1h))");
        }
        ObjectMapper json = EventCodec.mapper();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + path))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token.strip()).header("Accept", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 300) {
                throw new ApiException(response.statusCode(), problem(json, response));
            }
            return response.body();
        } catch (IOException e) {
            throw new ApiException(0, "Cannot reach ACLens at " + baseUrl + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "Interrupted");
        }
    }

    private static String problem(ObjectMapper json, HttpResponse<String> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            return problem.path("title").asText("HTTP " + response.statusCode()) + ": " + problem.path("detail").asText("");
        } catch (IOException | RuntimeException notJson) {
            return "HTTP " + response.statusCode() + (response.body().isBlank() ? "" : ": " + response.body());
        }
    }

    private static <T> T read(String body, Class<T> type) throws ApiException {
        if (type == Void.class) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new ApiException(0, "The answer does not read as " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
