package io.aclens.collector.rest;

import io.aclens.auth.Roles;
import io.aclens.collector.repository.AuditRepository;
import io.aclens.contracts.api.AuditEntryView;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.rest.Period;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Who read or changed which client's data, through any service's API: for the MSP's administrators (./aclens audit). Its
 * own class path, so that {@code /api/v1/clients/{clientId}/audit} is not taken for a path of the clients resource.
 */
@Path("/api/v1/clients/{clientId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MSP_ADMIN)
public class AuditResource {
    private static final int MAX_LIMIT = 10_000;

    private final AuditRepository audit;

    public AuditResource(AuditRepository audit) {
        this.audit = audit;
    }

    /** One client's entries, newest first; the last 30 days unless {@code from}/{@code to} (instants) say otherwise. */
    @GET
    public Uni<List<AuditEntryView>> client(@PathParam("clientId") String clientId, @QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("limit") @DefaultValue("1000") int limit) {
        return entries(audit, clientId, from, to, limit);
    }

    static Uni<List<AuditEntryView>> entries(AuditRepository audit, String clientId, String from, String to, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be 1-" + MAX_LIMIT);
        }
        Period period = Period.of(from, to);
        return audit.entries(clientId, period.from(), period.to(), limit);
    }
}
