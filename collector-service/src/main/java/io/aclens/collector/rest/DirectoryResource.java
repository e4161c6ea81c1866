package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.collector.directory.DirectorySyncService;
import io.aclens.collector.directory.DirectorySyncStatus;
import io.aclens.support.rest.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The directories this collector is configured to read, a way to sync one now, and what recent syncs did. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
public class DirectoryResource {
    private final DirectorySyncService syncs;

    public DirectoryResource(DirectorySyncService syncs) {
        this.syncs = syncs;
    }

    @GET
    @Path("/directories")
    public List<DirectorySyncService.DirectoryView> directories() {
        return syncs.directories();
    }

    @POST
    @Path("/directories/{name}/syncs")
    public Response sync(@PathParam("name") String name) {
        DirectorySyncStatus status = syncs.start(name);
        return Response.accepted(status).location(URI.create("/api/v1/directory-syncs/" + status.syncId())).build();
    }

    @GET
    @Path("/directory-syncs")
    public List<DirectorySyncStatus> recent() {
        return syncs.recent();
    }

    @GET
    @Path("/directory-syncs/{syncId}")
    public DirectorySyncStatus status(@PathParam("syncId") String syncId) {
        return syncs.status(syncId).orElseThrow(() -> ProblemException.notFound("No directory sync " + syncId + " is known to this collector"));
    }
}
