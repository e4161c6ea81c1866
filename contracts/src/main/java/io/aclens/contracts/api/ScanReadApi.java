package io.aclens.contracts.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Scan health as the snapshot service saw it, read-only, defined once (see {@link SnapshotReadApi}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ScanReadApi {
    /** What became of a scan: committed as a snapshot, or why it changed nothing. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/scans/{scanId}/snapshot")
    Uni<ScanView> scan(@PathParam("scanId") String scanId);

    /** A client's recent scans, newest first (at most 500). */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/scans")
    Uni<List<ScanView>> scans(@PathParam("clientId") String clientId, @QueryParam("limit") @DefaultValue("50") int limit);
}
