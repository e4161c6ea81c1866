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
 * Probes every operation a service's own OpenAPI document lists, so that an endpoint added without an access rule
 * fails its service's test: each must declare the bearer scheme, refuse a missing, expired or forged token (401) and
 * a role that may not use it (403), never answer another client's token with that client's data (403/404), and let
 * the MSP's administrator through.
 */
public final class EndpointAuthorization {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> NUMERIC = Set.of("snapshotId", "reportId", "id", "directorySnapshotId");

    private EndpointAuthorization() {
    }

    /** One operation as probed: the method, the path with parameters filled in, and the body it takes. */
    public record Operation(String method, String template, String path, String contentType) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    /** Every /api operation of the service under test, parameters filled in for {@code clientId}. */
    public static List<Operation> operations(String clientId) throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                JsonNode security = method.getValue().path("security");
                assertThat(security.isArray() && security.size() > 0)
                        .as("%s %s declares the bearer security scheme in the OpenAPI document (an access rule)", method.getKey(), path.getKey())
                        .isTrue();
                Iterator<String> media = method.getValue().path("requestBody").path("content").fieldNames();
                operations.add(new Operation(method.getKey(), path.getKey(), fill(path.getKey(), clientId),
                        media.hasNext() ? media.next() : "application/json"));
            }
        }
        assertThat(operations).as("the service lists its operations").isNotEmpty();
        return operations;
    }

    /** Asserts the rules for every operation; {@code clientId} is a client the probes name, {@code other} one they do not. */
    public static void verify(String clientId, String other) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations(clientId)) {
            softly.assertThat(call(operation, null).statusCode()).as("%s without a token", operation).isEqualTo(401);
            softly.assertThat(call(operation, TestTokens.expired(Roles.MSP_ADMIN)).statusCode()).as("%s with an expired token", operation)
                    .isEqualTo(401);
            softly.assertThat(call(operation, TestTokens.forged(Roles.MSP_ADMIN)).statusCode()).as("%s with a forged token", operation)
                    .isEqualTo(401);
            Response wrongRole = call(operation, TestTokens.token(Roles.OPS));
            softly.assertThat(wrongRole.statusCode()).as("%s with a role that may not use it", operation).isEqualTo(403);
            softly.assertThat(wrongRole.contentType()).as("%s answers problem+json", operation).startsWith("application/problem+json");
            int otherClient = call(operation, TestTokens.token(Roles.CLIENT_VIEWER, other)).statusCode();
            softly.assertThat(otherClient).as("%s with another client's token", operation).isIn(403, 404);
            softly.assertThat(call(operation, TestTokens.token(Roles.MSP_ADMIN)).statusCode()).as("%s as the MSP's administrator", operation)
                    .isNotIn(401, 403);
        }
        softly.assertAll();
    }

    private static Response call(Operation operation, String token) {
        RequestSpecification request = RestAssured.given().redirects().follow(false);
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
