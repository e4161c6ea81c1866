package io.aclens.gateway.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The public API as the gateway knows it now: one OpenAPI document for every service's operations, the routes it takes
 * from them, and what did not fit (two services claiming one path, one schema name meaning two things).
 */
public record ApiCatalog(ObjectNode document, RouteTable routes, List<String> conflicts) {
    public ApiCatalog {
        conflicts = List.copyOf(conflicts);
    }

    public static ApiCatalog empty() {
        return new ApiCatalog(JsonNodeFactory.instance.objectNode(), RouteTable.empty(), List.of());
    }
}
