package io.aclens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.contracts.api.ApiOperations;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The provider's side of a typed API (the consumers' side is the compiler's: their clients extend the same
 * interfaces): the service under test lists every operation with its HTTP method and query parameters in its OpenAPI
 * document, and answers each — an unknown id with its own 404 problem, a write without its body with its own 400
 * problem, never an unmatched path or method.
 */
public final class ReadApiContract {
    private ReadApiContract() {
    }

    public static void verify(Class<?>... apis) throws Exception {
        JsonNode document = new ObjectMapper().readTree(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<ApiOperations.Operation> operations = ApiOperations.of(apis);
        assertThat(operations).as("the APIs declare operations").isNotEmpty();
        for (ApiOperations.Operation operation : operations) {
            String verb = operation.httpMethod();
            JsonNode documentedOperation = document.path("paths").path(operation.template()).path(verb.toLowerCase(Locale.ROOT));
            assertThat(documentedOperation.isMissingNode()).as("%s %s in the service's OpenAPI document", verb, operation.template()).isFalse();
            List<String> documented = new ArrayList<>();
            documentedOperation.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    documented.add(p.path("name").asText());
                }
            });
            List<String> declared = Arrays.stream(operation.method().getParameters()).map(p -> p.getAnnotation(QueryParam.class))
                    .filter(Objects::nonNull).map(QueryParam::value).toList();
            assertThat(documented).as("query parameters of %s", operation.template()).containsExactlyInAnyOrderElementsOf(declared);

            Map<String, String> pathValues = new HashMap<>();
            for (Parameter parameter : operation.method().getParameters()) {
                PathParam path = parameter.getAnnotation(PathParam.class);
                if (path != null) {
                    pathValues.put(path.value(), parameter.getType() == long.class ? "987654321" : "contract-probe");
                }
            }
            Response answer = TestTokens.given().request(verb, operation.uri(operation.arguments(pathValues, Map.of())));
            // probed without query parameters or body: an operation that needs one (no default) may refuse with its own 400
            boolean needsInput = !verb.equals("GET") || Arrays.stream(operation.method().getParameters())
                    .anyMatch(p -> p.isAnnotationPresent(QueryParam.class) && !p.isAnnotationPresent(jakarta.ws.rs.DefaultValue.class));
            assertThat(answer.statusCode()).as("%s %s is answered", verb, operation.template())
                    .isIn(needsInput ? List.of(200, 400, 404) : List.of(200, 404));
            if (answer.statusCode() != 200) {
                assertThat(answer.contentType()).as("%s: an unknown id is the service's own problem, not an unmatched path", operation.template())
                        .startsWith("application/problem+json");
            }
        }
    }
}
