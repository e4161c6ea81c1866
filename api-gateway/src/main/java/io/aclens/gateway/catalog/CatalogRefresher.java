package io.aclens.gateway.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.gateway.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps the catalog current: reads every service's OpenAPI document every few seconds until all have answered, then every
 * {@code aclens.gateway.refresh}. A service that does not answer keeps the document it last served, so a restart does
 * not take its routes away.
 */
@ApplicationScoped
public class CatalogRefresher {
    private static final Logger LOG = Logger.getLogger(CatalogRefresher.class);

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();
    private volatile ApiCatalog catalog = ApiCatalog.empty();
    private volatile Instant readAt = Instant.EPOCH;

    public CatalogRefresher(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    public ApiCatalog catalog() {
        return catalog;
    }

    /** Services whose document was never read, with the reason. */
    public Map<String, String> unreachable() {
        return new TreeMap<>(unreachable);
    }

    public boolean complete() {
        return unreachable.isEmpty() && documents.keySet().containsAll(config.upstreams().keySet());
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshWhenDue() {
        if (!complete() || Instant.now().isAfter(readAt.plus(config.refresh()))) {
            refresh();
        }
    }

    /** Reads every document now and rebuilds the catalog. */
    public synchronized void refresh() {
        config.upstreams().forEach((service, url) -> {
            try {
                documents.put(service, read(url));
                unreachable.remove(service);
            } catch (IOException | RuntimeException e) {
                if (!documents.containsKey(service)) {
                    unreachable.put(service, url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        config.upstreams().keySet().stream().filter(documents::containsKey).forEach(service -> ordered.put(service, documents.get(service)));
        ApiCatalog merged = OpenApiMerger.merge(ordered);
        if (!merged.conflicts().equals(catalog.conflicts())) {
            merged.conflicts().forEach(conflict -> LOG.errorf("The services' APIs conflict: %s", conflict));
        }
        catalog = merged;
        readAt = Instant.now();
    }

    private JsonNode read(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("its OpenAPI document answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
