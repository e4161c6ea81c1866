package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.collector.repository.AuditRepository;
import io.aclens.contracts.api.AuditEntryView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The whole audit trail: every client's entries and the MSP-wide calls (listing clients, onboarding), for the MSP's administrators. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MSP_ADMIN)
public class AuditLogResource {
    private final AuditRepository audit;

    public AuditLogResource(AuditRepository audit) {
        this.audit = audit;
    }

    @GET
    public Uni<List<AuditEntryView>> all(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("limit") @DefaultValue("1000") int limit) {
        return AuditResource.entries(audit, null, from, to, limit);
    }
}
