package io.aclens.collector.rest;

import io.aclens.collector.service.ScanStatus;
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

/** The SMB shares this collector is configured to read, and a way to scan one now. */
@Path("/api/smb-sources")
@Produces(MediaType.APPLICATION_JSON)
public class SmbSourceResource {
    private final SmbScanService smb;

    public SmbSourceResource(SmbScanService smb) {
        this.smb = smb;
    }

    @GET
    public List<SmbScanService.SmbSourceView> sources() {
        return smb.sources();
    }

    @POST
    @Path("/{name}/scans")
    public Response scan(@PathParam("name") String name) {
        ScanStatus status = smb.start(name);
        return Response.accepted(status).location(URI.create("/api/scans/" + status.scanId())).build();
    }
}
