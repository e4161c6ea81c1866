package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.collector.directory.DirectorySyncStatus;
import io.aclens.collector.service.OnboardingService;
import io.aclens.contracts.api.ConnectionTestResult;
import io.aclens.contracts.api.DirectoryRegistration;
import io.aclens.contracts.api.RegisteredDirectoryView;
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
 * A client's directories (Active Directory, LDAP, local files), registered at runtime: added or changed only after a
 * connection test passed — TLS, certificate, bind, base DN — and synced on their schedule without a restart.
 */
@Path("/api/v1/clients/{clientId}/directories")
@Produces(MediaType.APPLICATION_JSON)
public class RegisteredDirectoryResource {
    private final OnboardingService onboarding;

    public RegisteredDirectoryResource(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @GET
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public List<RegisteredDirectoryView> directories(@PathParam("clientId") String clientId) {
        return onboarding.directories(clientId);
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MSP_ADMIN)
    public Response put(@PathParam("clientId") String clientId, @PathParam("name") String name, DirectoryRegistration registration) {
        OnboardingService.Stored<RegisteredDirectoryView> stored = onboarding.putDirectory(clientId, name, registration);
        return (stored.created() ? Response.created(URI.create("/api/v1/clients/" + clientId + "/directories/" + name)) : Response.ok())
                .entity(stored.view()).build();
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.MSP_ADMIN)
    public Response remove(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        onboarding.removeDirectory(clientId, name);
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/connection-test")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public ConnectionTestResult test(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        return onboarding.testDirectory(clientId, name);
    }

    @POST
    @Path("/{name}/syncs")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Response sync(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        DirectorySyncStatus status = onboarding.syncDirectory(clientId, name);
        return Response.accepted(status).location(URI.create("/api/v1/directory-syncs/" + status.syncId())).build();
    }
}
