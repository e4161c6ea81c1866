package io.aclens.collector;

import io.aclens.auth.Roles;
import io.aclens.testing.TestTokens;
import java.util.Map;

/** Registers clients and sources over the collector's API as the MSP's administrator, the way ./aclens client|source add does. */
final class Registry {
    private Registry() {
    }

    /** The client, registered once (a second registration answers 409, which is fine here). */
    static void client(String clientId) {
        TestTokens.as(TestTokens.token(Roles.MSP_ADMIN)).contentType("application/json")
                .body(Map.of("clientId", clientId, "displayName", clientId + " Ltd")).when().post("/api/v1/clients")
                .then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    }

    /** An uploaded source ({@code agent} or {@code icacls}) of the client, named after its source id. */
    static void uploadSource(String clientId, String sourceId, String kind) {
        client(clientId);
        TestTokens.as(TestTokens.token(Roles.MSP_ADMIN)).contentType("application/json")
                .body(Map.of("sourceId", sourceId, "settings", Map.of("kind", kind))).when()
                .put("/api/v1/clients/" + clientId + "/sources/" + sourceId.replaceAll("[^A-Za-z0-9._-]", "-")).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}
