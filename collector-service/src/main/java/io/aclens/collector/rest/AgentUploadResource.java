package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.support.security.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.collector.agent.AgentUploadService;
import io.aclens.contracts.api.ScanStatus;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;

/**
 * Where the Windows agent uploads a share's folders — one JSON object per line {path, owner, sddl, error, names} —
 * and where clients who can only send an icacls export upload its text.
 */
@Path("/api/v1/clients/{clientId}/sources/{sourceId}/uploads")
@RolesAllowed({Roles.AGENT, Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
public class AgentUploadResource {
    private final AgentUploadService uploads;
    private final Callers callers;
    private final SecurityIdentity identity;

    /** @param callers an agent's token names its one client: it uploads for that client only */
    public AgentUploadResource(AgentUploadService uploads, Callers callers, SecurityIdentity identity) {
        this.uploads = uploads;
        this.callers = callers;
        this.identity = identity;
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl"})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response upload(@PathParam("clientId") String clientId, @PathParam("sourceId") String sourceId, @QueryParam("root") String root,
                           InputStream body) {
        callers.scope().require(clientId);
        uploads.admitAgent(identity.hasRole(Roles.AGENT) && !callers.scope().allClients(), clientId, sourceId, SourceSettings.AGENT);
        ScanStatus status = uploads.ingest(clientId, sourceId, root, body);
        return Response.accepted(status).location(URI.create("/api/v1/scans/" + status.scanId())).build();
    }

    /** An icacls export ({@code icacls <path> /T > out.txt}); {@code codepage} is what cmd.exe wrote with when it is not UTF-16/UTF-8. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response uploadIcacls(@PathParam("clientId") String clientId, @PathParam("sourceId") String sourceId,
                                 @QueryParam("codepage") @DefaultValue("IBM437") String codePage,
                                 InputStream body) {
        callers.scope().require(clientId);
        uploads.admitAgent(identity.hasRole(Roles.AGENT) && !callers.scope().allClients(), clientId, sourceId, SourceSettings.ICACLS);
        ScanStatus status = uploads.ingestIcacls(clientId, sourceId, codePage, body);
        return Response.accepted(status).location(URI.create("/api/v1/scans/" + status.scanId())).build();
    }
}
