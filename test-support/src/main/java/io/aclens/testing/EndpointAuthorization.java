package io.aclens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.auth.Roles;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * Probes every operation an OpenAPI document lists — a service's own, or the gateway's merged one — so that an endpoint
 * added without an access rule fails a test: each must declare the bearer scheme, refuse a missing, expired or forged
 * token (401) and a role that may not use it (403), never answer another client's token with that client's data
 * (403/404), and let the MSP's administrator through. The one kind of exception is marked in the document
 * ({@code x-aclens-credential: link}, a package's download link, whose token is the credential): without a valid link
 * it must answer 404 to everybody, the administrator's bearer token included.
 */
public final class EndpointAuthorization {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** The OpenAPI extension naming an operation's own credential instead of the bearer scheme. */
    public static final String LINK_CREDENTIAL = "x-aclens-credential";
    private static final Set<String> NUMERIC = Set.of("snapshotId", "reportId", "id", "directorySnapshotId");

    private EndpointAuthorization() {
    }

    /** One operation as probed: the method, the path with parameters filled in, and the body it takes. */
    public record Operation(String method, String template, String path, String contentType, boolean linkCredential) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    /** Where the tokens of the probes come from: the test key pair, or a running stack's own. */
    public interface TokenSource {
        String token(String role, String... clients);

        String expired(String role);

        /** A well-formed token signed with a key nobody trusts. */
        default String forged(String role) {
            return TestTokens.forged(role);
        }
    }

    /** The test key pair the services' test profile trusts. */
    public static final TokenSource TEST_TOKENS = new TokenSource() {
        @Override
        public String token(String role, String... clients) {
            return TestTokens.token(role, clients);
        }

        @Override
        public String expired(String role) {
            return TestTokens.expired(role);
        }
    };

    /** Every /api/v1 operation of the service under test, parameters filled in for {@code clientId}. */
    public static List<Operation> operations(String clientId) throws Exception {
        return operations(new ObjectMapper().readTree(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()), clientId);
    }

    /** Every /api/v1 operation {@code openApi} lists, parameters filled in for {@code clientId}. */
    public static List<Operation> operations(JsonNode openApi, String clientId) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                JsonNode security = method.getValue().path("security");
                boolean linkCredential = method.getValue().path(LINK_CREDENTIAL).asText().equals("link");
                assertThat(linkCredential || security.isArray() && security.size() > 0)
                        .as("%s %s declares the bearer security scheme in the OpenAPI document (an access rule)", method.getKey(), path.getKey())
                        .isTrue();
                Iterator<String> media = method.getValue().path("requestBody").path("content").fieldNames();
                operations.add(new Operation(method.getKey(), path.getKey(), fill(path.getKey(), clientId),
                        media.hasNext() ? media.next() : "application/json", linkCredential));
            }
        }
        assertThat(operations).as("the service lists its operations").isNotEmpty();
        return operations;
    }

    /** Asserts the rules for every operation; {@code clientId} is a client the probes name, {@code other} one they do not. */
    public static void verify(String clientId, String other) throws Exception {
        verify(new ObjectMapper().readTree(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString()),
                null, TEST_TOKENS, clientId, other);
    }

    /**
     * Asserts the rules for every operation {@code openApi} lists, calling {@code baseUri} (RestAssured's default when
     * null) with tokens from {@code tokens}.
     */
    public static void verify(JsonNode openApi, String baseUri, TokenSource tokens, String clientId, String other) {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations(openApi, clientId)) {
            if (operation.linkCredential()) {
                for (String token : new String[]{null, tokens.token(Roles.MSP_ADMIN)}) {
                    Response unknownLink = call(baseUri, operation, token);
                    softly.assertThat(unknownLink.statusCode()).as("%s without a valid link (bearer: %s)", operation, token != null).isEqualTo(404);
                    softly.assertThat(unknownLink.contentType()).as("%s answers problem+json", operation).startsWith("application/problem+json");
                }
                continue;
            }
            softly.assertThat(call(baseUri, operation, null).statusCode()).as("%s without a token", operation).isEqualTo(401);
            softly.assertThat(call(baseUri, operation, tokens.expired(Roles.MSP_ADMIN)).statusCode()).as("%s with an expired token", operation)
                    .isEqualTo(401);
            softly.assertThat(call(baseUri, operation, tokens.forged(Roles.MSP_ADMIN)).statusCode()).as("%s with a forged token", operation)
                    .isEqualTo(401);
            Response wrongRole = call(baseUri, operation, tokens.token(Roles.OPS));
            softly.assertThat(wrongRole.statusCode()).as("%s with a role that may not use it", operation).isEqualTo(403);
            softly.assertThat(wrongRole.contentType()).as("%s answers problem+json", operation).startsWith("application/problem+json");
            int otherClient = call(baseUri, operation, tokens.token(Roles.CLIENT_VIEWER, other)).statusCode();
            softly.assertThat(otherClient).as("%s with another client's token", operation).isIn(403, 404);
            Response admin = call(baseUri, operation, tokens.token(Roles.MSP_ADMIN));
            softly.assertThat(admin.statusCode()).as("%s as the MSP's administrator", operation).isNotIn(401, 403, 502, 503);
            softly.assertThat(admin.statusCode() == 404 && admin.asString().contains("is not an ACLens API operation"))
                    .as("%s reaches the service that lists it", operation).isFalse();
        }
        softly.assertAll();
    }

    private static Response call(String baseUri, Operation operation, String token) {
        RequestSpecification request = RestAssured.given().redirects().follow(false);
        if (baseUri != null) {
            request.baseUri(baseUri);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!operation.method().equals("get") && !operation.method().equals("delete")) {
            request.contentType(operation.contentType()).body(operation.contentType().contains("json") ? "{}" : "x");
        }
        return request.request(operation.method().toUpperCase(), operation.path());
    }

    private static String fill(String template, String clientId) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = name.equals("clientId") ? clientId : NUMERIC.contains(name) ? "987654321" : "probe";
            parameter.appendReplacement(path, value);
        }
        parameter.appendTail(path);
        return path.toString();
    }
}
