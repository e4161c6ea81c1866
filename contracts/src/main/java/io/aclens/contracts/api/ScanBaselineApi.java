package io.aclens.contracts.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The state a rescan compares with, defined once: the snapshot service serves it, the collector calls it before each
 * scan and sends only the folders whose fingerprint is not in it, and the fingerprints of those it no longer saw.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ScanBaselineApi {
    /** The fingerprints of the folders of the source's latest snapshot, each once, in no particular order. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/sources/{sourceId}/scan-baseline")
    Uni<ScanBaseline> scanBaseline(@PathParam("clientId") String clientId, @PathParam("sourceId") String sourceId);
}
