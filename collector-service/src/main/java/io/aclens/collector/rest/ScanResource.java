package io.aclens.collector.rest;

import io.aclens.collector.service.ScanRequest;
import io.aclens.collector.service.ScanService;
import io.aclens.collector.service.ScanStatus;
import io.aclens.support.rest.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/api/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {
    private final ScanService scans;

    public ScanResource(ScanService scans) {
        this.scans = scans;
    }

    /** Starts a scan of a folder tree on the collector's host; 202 with the scan's id and status URL. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(ScanRequest request) {
        ScanStatus status = scans.start(request);
        return Response.accepted(status).location(URI.create("/api/scans/" + status.scanId())).build();
    }

    @GET
    @Path("/{scanId}")
    public ScanStatus status(@PathParam("scanId") String scanId) {
        return scans.status(scanId).orElseThrow(() -> ProblemException.notFound("No scan " + scanId + " on this collector"));
    }

    @GET
    public List<ScanStatus> recent() {
        return scans.recent();
    }
}
