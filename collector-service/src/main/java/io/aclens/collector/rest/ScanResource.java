package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.collector.service.ScanRequest;
import io.aclens.collector.service.ScanService;
import io.aclens.contracts.api.ScanStatus;
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

@Path("/api/v1/scans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
public class ScanResource {
    private final Callers callers;
    private final ScanService scans;

    public ScanResource(ScanService scans, Callers callers) {
        this.callers = callers;
        this.scans = scans;
    }

    /** Starts a scan of a folder tree on the collector's host; 202 with the scan's id and status URL. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(ScanRequest request) {
        ScanStatus status = scans.start(request);
        return Response.accepted(status).location(URI.create("/api/v1/scans/" + status.scanId())).build();
    }

    /** A scan's progress: also for the agent that uploaded it and the client's viewers, for their client's scans only. */
    @GET
    @Path("/{scanId}")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.AGENT, Roles.CLIENT_VIEWER, Roles.INTEGRATION})
    public ScanStatus status(@PathParam("scanId") String scanId) {
        ScanStatus status = scans.status(scanId).orElse(null);
        return callers.scope().visible(status, status == null ? null : status.clientId(), "scan " + scanId + " on this collector");
    }

    @GET
    public List<ScanStatus> recent() {
        return scans.recent();
    }
}
