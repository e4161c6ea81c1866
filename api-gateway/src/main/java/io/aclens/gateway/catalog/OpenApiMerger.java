package io.aclens.gateway.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one integrators read. Each path belongs to exactly one service, so a
 * path (or a path of the same shape) listed by two services is a conflict, as is a schema or security scheme name that
 * two services define differently; conflicts are reported, and the first service's definition is kept.
 */
public final class OpenApiMerger {
    /** The prefix of the public API; a service's other paths (none today) are not published. */
    public static final String PREFIX = "/api/v1/";
    /** Each operation names the service that serves it, for the operator reading the document. */
    public static final String SERVICE_EXTENSION = "x-aclens-service";

    private OpenApiMerger() {
    }

    /** {@code documents}: each service's own document, by service name, in the order to list them. */
    public static ApiCatalog merge(Map<String, JsonNode> documents) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode merged = json.objectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText(null)).filter(v -> v != null)
                .findFirst().orElse("3.1.0"));
        merged.putObject("info").put("title", "ACLens API").put("version", "v1").put("description",
                "Who can access which folder of each client, and what changed. Every operation needs a bearer token "
                        + "(./aclens token create); a client's data answers only to tokens for that client.");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        Map<String, String> shapes = new HashMap<>();
        List<RouteTable.Route> routes = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();

        documents.forEach((service, document) -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getKey().startsWith(PREFIX)) {
                    continue;
                }
                String owner = shapes.putIfAbsent(RouteTable.shape(path.getKey()), service);
                if (owner != null && !owner.equals(service)) {
                    conflicts.add(path.getKey() + " is served by both " + owner + " and " + service);
                    continue;
                }
                ObjectNode item = path.getValue().deepCopy();
                item.fields().forEachRemaining(operation -> {
                    if (operation.getValue().isObject()) {
                        ((ObjectNode) operation.getValue()).put(SERVICE_EXTENSION, service);
                    }
                });
                paths.set(path.getKey(), item);
                routes.add(new RouteTable.Route(path.getKey(), service));
            }
            for (String section : List.of("schemas", "securitySchemes")) {
                mergeComponents(components.withObjectProperty(section), document.path("components").path(section), section, service, conflicts);
            }
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag.deepCopy());
                }
            }
        });
        return new ApiCatalog(merged, RouteTable.of(routes), conflicts);
    }

    private static void mergeComponents(ObjectNode target, JsonNode source, String section, String service, List<String> conflicts) {
        source.fields().forEachRemaining(component -> {
            JsonNode existing = target.get(component.getKey());
            if (existing == null) {
                target.set(component.getKey(), component.getValue().deepCopy());
            } else if (!existing.equals(component.getValue())) {
                conflicts.add(section + " " + component.getKey() + " of " + service + " differs from the one already listed");
            }
        });
    }
}
