package io.aclens.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.gateway.GatewayConfig;
import io.aclens.gateway.catalog.CatalogRefresher;
import io.aclens.gateway.catalog.OpenApiMerger;
import io.aclens.gateway.catalog.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /api/v1/*}: each request goes, as it came (headers, bearer token, streamed body), to the service whose document
 * lists its path; {@code /api/v1/openapi.json} is the merged document. What the gateway itself answers is problem+json,
 * as the services' errors are.
 */
@ApplicationScoped
public class ApiRoutes {
    public static final String DOCUMENT = OpenApiMerger.PREFIX + "openapi.json";
    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);

    private final CatalogRefresher catalogs;
    private final GatewayConfig config;
    private final ObjectMapper json;

    public ApiRoutes(CatalogRefresher catalogs, GatewayConfig config, ObjectMapper json) {
        this.catalogs = catalogs;
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(64).setKeepAlive(true));
        Map<String, HttpProxy> proxies = new LinkedHashMap<>();
        config.upstreams().forEach((service, url) -> proxies.put(service, proxy(client, service, url)));

        router.get(DOCUMENT).handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end(catalogs.catalog().document().toString()));
        router.route(OpenApiMerger.PREFIX + "*").handler(rc -> {
            Optional<RouteTable.Route> route = catalogs.catalog().routes().match(rc.request().path());
            if (route.isPresent()) {
                proxies.get(route.get().service()).handle(rc.request());
            } else if (!catalogs.complete()) {
                problem(rc, 503, "API catalog incomplete", "Not every service's API is known yet: " + String.join("; ",
                        catalogs.unreachable().values()));
            } else {
                problem(rc, 404, "No such endpoint", rc.request().method() + " " + rc.request().path()
                        + " is not an ACLens API operation; see " + DOCUMENT);
            }
        });
    }

    private HttpProxy proxy(HttpClient client, String service, URI url) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        HttpProxy proxy = HttpProxy.reverseProxy(client).originRequestProvider((request, http) -> http.request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, url.getHost())).setHost(url.getHost()).setPort(port).setSsl(tls)));
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                return context.sendRequest().recover(failure -> {
                    LOG.warnf("%s did not answer %s %s: %s", service, context.request().getMethod(), context.request().getURI(), failure.getMessage());
                    ProxyResponse response = context.request().response().setStatusCode(503);
                    response.headers().clear();
                    response.putHeader("Content-Type", "application/problem+json")
                            .setBody(Body.body(Buffer.buffer(problem(503, "Service unavailable", service + " did not answer: " + failure.getMessage()))));
                    return Future.succeededFuture(response);
                });
            }
        });
        return proxy;
    }

    private void problem(RoutingContext rc, int status, String title, String detail) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(problem(status, title, detail));
    }

    private String problem(int status, String title, String detail) {
        return json.createObjectNode().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail).toString();
    }
}
