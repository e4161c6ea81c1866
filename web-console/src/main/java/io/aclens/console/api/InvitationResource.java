package io.aclens.console.api;

import io.aclens.auth.Roles;
import io.aclens.console.account.AccountService;
import io.aclens.console.web.AccountLinks;
import io.aclens.contracts.api.ConsoleInvitationRequest;
import io.aclens.contracts.api.ConsoleInvitationView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Invitations for the command ({@code ./aclens console invite}): an MSP administrator's bearer token, as for every other
 * administrative call, instead of a console session; the first administrator is invited this way.
 */
@Path("/console/api/invitations")
@RolesAllowed(Roles.MSP_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {
    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final String publicUrl;

    public InvitationResource(AccountService accounts, SecurityIdentity identity, @ConfigProperty(name = "aclens.console.public-url") String publicUrl) {
        this.accounts = accounts;
        this.identity = identity;
        this.publicUrl = publicUrl;
    }

    @POST
    public Uni<Response> invite(ConsoleInvitationRequest request) {
        if (request == null) {
            return Uni.createFrom().item(problem(400, "A JSON body names whom to invite"));
        }
        return accounts.invite(request.email(), request.displayName(), request.role(), request.clients(), request.language(),
                        identity.getPrincipal().getName())
                .map(invitation -> Response.status(201).entity(new ConsoleInvitationView(invitation.email(), invitation.role(), invitation.clients(),
                        AccountLinks.invitation(publicUrl, invitation), invitation.expiresAt())).build());
    }

    @ServerExceptionMapper
    public Response refused(IllegalArgumentException e) {
        return problem(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return problem(409, e.getMessage());
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type("application/problem+json").entity(java.util.Map.of("status", status, "title",
                status == 400 ? "Bad Request" : "Conflict", "detail", detail)).build();
    }
}
