package io.aclens.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.gateway.catalog.ApiCatalog;
import io.aclens.gateway.catalog.OpenApiMerger;
import io.aclens.gateway.catalog.RouteTable.Route;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document(String paths, String schemas) throws Exception {
        return JSON.readTree("""
                {"openapi": "3.1.0", "paths": {%s},
                 "components": {"schemas": {%s}, "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}},
                 "tags": [{"name": "shared"}]}""".formatted(paths, schemas));
    }

    @Test
    void everyServicesOperationsAreListedOnceWithTheServiceThatServesThem() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("collector", document("\"/api/v1/scans/{scanId}\": {\"get\": {}}, \"/q/health\": {\"get\": {}}",
                "\"ScanView\": {\"type\": \"object\"}"));
        documents.put("snapshot", document("\"/api/v1/scans/{scanId}/snapshot\": {\"get\": {}}", "\"ScanView\": {\"type\": \"object\"}"));

        ApiCatalog catalog = OpenApiMerger.merge(documents);

        assertThat(catalog.conflicts()).isEmpty();
        assertThat(catalog.document().path("paths").fieldNames()).toIterable()
                .containsExactly("/api/v1/scans/{scanId}", "/api/v1/scans/{scanId}/snapshot");
        assertThat(catalog.document().at("/paths/~1api~1v1~1scans~1{scanId}~1snapshot/get/" + OpenApiMerger.SERVICE_EXTENSION).asText())
                .isEqualTo("snapshot");
        assertThat(catalog.document().at("/components/securitySchemes/jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(catalog.document().path("tags")).hasSize(1);
        assertThat(catalog.routes().match("/api/v1/scans/s-1/snapshot")).map(Route::service).contains("snapshot");
    }

    @Test
    void aPathOfTheSameShapeInTwoServicesOrASchemaDefinedTwiceDifferentlyIsAConflict() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("collector", document("\"/api/v1/scans/{scanId}\": {\"get\": {}}", "\"ScanView\": {\"type\": \"object\"}"));
        documents.put("snapshot", document("\"/api/v1/scans/{id}\": {\"get\": {}}", "\"ScanView\": {\"type\": \"string\"}"));

        ApiCatalog catalog = OpenApiMerger.merge(documents);

        assertThat(catalog.conflicts()).containsExactly("/api/v1/scans/{id} is served by both collector and snapshot",
                "schemas ScanView of snapshot differs from the one already listed");
        assertThat(catalog.routes().match("/api/v1/scans/s-1")).map(Route::service).contains("collector");
    }
}
