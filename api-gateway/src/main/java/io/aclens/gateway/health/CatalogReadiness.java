package io.aclens.gateway.health;

import io.aclens.gateway.catalog.CatalogRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every service's document has been read and no two services claim the same path. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {
    private final CatalogRefresher catalogs;

    public CatalogReadiness(CatalogRefresher catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("api catalog")
                .status(catalogs.complete() && catalogs.catalog().conflicts().isEmpty())
                .withData("paths", catalogs.catalog().document().path("paths").size());
        catalogs.unreachable().forEach((service, reason) -> response.withData("unreachable " + service, reason));
        for (int i = 0; i < catalogs.catalog().conflicts().size(); i++) {
            response.withData("conflict " + (i + 1), catalogs.catalog().conflicts().get(i));
        }
        return response.build();
    }
}
