package io.aclens.console.web;

import io.aclens.auth.Roles;
import io.aclens.console.gateway.Gateway;
import io.aclens.contracts.api.LagView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For MSP staff: how far behind each consumer of the pipeline is, and what waits in the dead-letter topics. */
@Path("/operations")
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance operations(LagView lag, double laggingSeconds);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public OperationsPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> operations() {
        return gateway.collector().lag(false).map(lag -> Pages.localized(Templates.operations(lag, ClientsPage.LAGGING_SECONDS), Pages.user(identity)));
    }
}
