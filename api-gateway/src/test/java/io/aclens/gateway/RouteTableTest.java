package io.aclens.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.gateway.catalog.RouteTable;
import io.aclens.gateway.catalog.RouteTable.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable routes = RouteTable.of(List.of(
            new Route("/api/v1/scans/{scanId}", "collector"),
            new Route("/api/v1/scans/{scanId}/snapshot", "snapshot"),
            new Route("/api/v1/clients/{clientId}/sources/{name}", "collector"),
            new Route("/api/v1/clients/{clientId}/report-sources", "report"),
            new Route("/api/v1/clients/{clientId}/{anything}", "catch-all"),
            new Route("/api/v1/clients/{clientId}/sources", "collector-list")));

    @Test
    void aPathGoesToTheServiceWhoseTemplateMatchesEverySegment() {
        assertThat(routes.match("/api/v1/scans/abc")).map(Route::service).contains("collector");
        assertThat(routes.match("/api/v1/scans/abc/snapshot")).map(Route::service).contains("snapshot");
        assertThat(routes.match("/api/v1/clients/acme/sources/fs1%3Adata")).map(Route::service).contains("collector");
    }

    @Test
    void aLiteralSegmentWinsOverAParameterInTheSamePlace() {
        assertThat(routes.match("/api/v1/clients/acme/report-sources")).map(Route::service).contains("report");
        assertThat(routes.match("/api/v1/clients/acme/sources")).map(Route::service).contains("collector-list");
        assertThat(routes.match("/api/v1/clients/acme/people")).map(Route::service).contains("catch-all");
    }

    @Test
    void anEncodedSlashStaysInsideItsSegmentAndEmptySegmentsMatchNothing() {
        assertThat(routes.match("/api/v1/clients/acme/sources/smb%2F%2Ffs1")).map(Route::service).contains("collector");
        assertThat(routes.match("/api/v1/scans/")).isEmpty();
        assertThat(routes.match("/api/v1/scans//snapshot")).isEmpty();
        assertThat(routes.match("/api/v1/unknown")).isEmpty();
    }
}
