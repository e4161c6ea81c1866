package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.collector.service.OnboardingService;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.ClientView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The MSP's clients: taken on and let go by its administrators at runtime (./aclens client add|list|remove). */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {
    private final OnboardingService onboarding;

    public ClientResource(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @GET
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public List<ClientView> clients() {
        return onboarding.clients();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MSP_ADMIN)
    public Response add(ClientRegistration registration) {
        ClientView client = onboarding.addClient(registration);
        return Response.created(URI.create("/api/v1/clients/" + client.clientId() + "/sources")).entity(client).build();
    }

    /** Removes the client's registration with its sources, directories and schedules; its snapshots and reports stay. */
    @DELETE
    @Path("/{clientId}")
    @RolesAllowed(Roles.MSP_ADMIN)
    public Response remove(@PathParam("clientId") String clientId) {
        onboarding.removeClient(clientId);
        return Response.noContent().build();
    }
}
