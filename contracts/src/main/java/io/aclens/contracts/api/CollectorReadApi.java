package io.aclens.contracts.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The collector's answers for the MSP's own staff, read-only, defined once (see {@link SnapshotReadApi}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CollectorReadApi {
    /** Every client of the MSP (MSP staff only). */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients")
    Uni<List<ClientView>> clients();

    /** The scans this collector queued, runs or ran lately, each with the folders read so far (MSP staff only). */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/scans")
    Uni<List<ScanStatus>> scans();

    /**
     * How far behind each consumer group is, and what waits in the dead-letter topics (MSP staff only).
     *
     * @param fresh ask the broker now instead of answering the last sample
     */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/ops/lag")
    Uni<LagView> lag(@QueryParam("fresh") @DefaultValue("false") boolean fresh);
}
