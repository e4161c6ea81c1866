package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.contracts.api.ScanStatus;
import io.aclens.collector.smb.SmbScanService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The SMB shares and servers this collector is configured to read, and a way to scan one now. */
@Path("/api/v1/smb-sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
public class SmbSourceResource {
    private final SmbScanService smb;

    public SmbSourceResource(SmbScanService smb) {
        this.smb = smb;
    }

    @GET
    public List<SmbScanService.SmbSourceView> sources() {
        return smb.sources();
    }

    /** Queues the source's scans: one for a share, one per disk share for a whole server (each its own source). */
    @POST
    @Path("/{name}/scans")
    public Response scan(@PathParam("name") String name) {
        List<ScanStatus> started = smb.start(name);
        return Response.accepted(started).location(URI.create("/api/v1/scans/" + started.get(0).scanId())).build();
    }
}
