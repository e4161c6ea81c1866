package io.aclens.snapshot.rest;

import io.aclens.contracts.api.ScanView;
import io.aclens.snapshot.mapping.ViewMapper;
import io.aclens.snapshot.repository.ScanRepository;
import io.aclens.support.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Scan health as the snapshot service saw it: committed, or why a scan changed nothing. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {
    private final ScanRepository scans;

    public ScanResource(ScanRepository scans) {
        this.scans = scans;
    }

    @GET
    @Path("/scans/{scanId}")
    @WithSession
    public Uni<ScanView> get(@PathParam("scanId") String scanId) {
        return scans.findById(scanId).onItem().ifNull().failWith(() -> ProblemException.notFound("No scan " + scanId + " was seen"))
                .map(ViewMapper::toView);
    }

    @GET
    @Path("/clients/{clientId}/scans")
    @WithSession
    public Uni<List<ScanView>> recent(@PathParam("clientId") String clientId, @QueryParam("limit") @DefaultValue("50") int limit) {
        return scans.recentForClient(clientId, Math.max(1, Math.min(limit, 500))).map(list -> list.stream().map(ViewMapper::toView).toList());
    }
}
