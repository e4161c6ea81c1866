package io.aclens.report.rest;

import io.aclens.report.repository.SourceStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Which snapshot of each source the client's next report will show. */
@Path("/api/clients/{clientId}/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {
    private final SourceStateRepository sources;

    public SourceResource(SourceStateRepository sources) {
        this.sources = sources;
    }

    public record SourceState(String sourceId, long latestSnapshotId) {
    }

    @GET
    public Uni<List<SourceState>> sources(@PathParam("clientId") String clientId) {
        return sources.latestSnapshots(clientId)
                .map(latest -> latest.entrySet().stream().map(e -> new SourceState(e.getKey(), e.getValue())).toList());
    }
}
