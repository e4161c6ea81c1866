package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.collector.service.OnboardingService;
import io.aclens.contracts.api.ScanStatus;
import io.aclens.contracts.api.ConnectionTestResult;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A client's sources, registered at runtime: added or changed only after a connection test passed (422 with the step
 * that failed otherwise), scanned on their schedule without a restart, tested or scanned again on demand.
 */
@Path("/api/v1/clients/{clientId}/sources")
@Produces(MediaType.APPLICATION_JSON)
public class RegisteredSourceResource {
    private final OnboardingService onboarding;

    public RegisteredSourceResource(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @GET
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public List<SourceView> sources(@PathParam("clientId") String clientId) {
        return onboarding.sources(clientId);
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MSP_ADMIN)
    public Response put(@PathParam("clientId") String clientId, @PathParam("name") String name, SourceRegistration registration) {
        OnboardingService.Stored<SourceView> stored = onboarding.putSource(clientId, name, registration);
        return (stored.created() ? Response.created(URI.create("/api/v1/clients/" + clientId + "/sources/" + name)) : Response.ok())
                .entity(stored.view()).build();
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.MSP_ADMIN)
    public Response remove(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        onboarding.removeSource(clientId, name);
        return Response.noContent().build();
    }

    /** Tests the stored source again (after a password change on the server, say): 200 either way, with what failed. */
    @POST
    @Path("/{name}/connection-test")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public ConnectionTestResult test(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        return onboarding.testSource(clientId, name);
    }

    @POST
    @Path("/{name}/scans")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Response scan(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        List<ScanStatus> started = onboarding.scanSource(clientId, name);
        return Response.accepted(started).location(URI.create("/api/v1/scans/" + started.get(0).scanId())).build();
    }
}
