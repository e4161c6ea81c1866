package io.aclens.report.rest;

import io.aclens.auth.Roles;
import io.aclens.contracts.api.FindingSummaryView;
import io.aclens.contracts.api.FindingView;
import io.aclens.report.repository.FindingSummaryRepository;
import io.aclens.report.service.ClientFindings;
import io.aclens.report.service.ClientStates;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.security.Callers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The risks in a client's folders as its latest snapshots and directory show them. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION})
public class FindingResource {
    private final ClientStates states;
    private final Callers callers;
    private final FindingSummaryRepository summaries;

    public FindingResource(ClientStates states, Callers callers, FindingSummaryRepository summaries) {
        this.states = states;
        this.callers = callers;
        this.summaries = summaries;
    }

    /** The client's findings by severity as counted at its last change set (nothing is loaded to answer). */
    @GET
    @Path("/clients/{clientId}/findings/summary")
    public Uni<FindingSummaryView> findingSummary(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return summaries.of(clientId).map(summary -> {
            if (summary == null) {
                throw ProblemException.notFound("The findings of client " + clientId + " are counted once one of its snapshots is diffed");
            }
            return summary;
        });
    }

    /** Most severe first; titles in {@code language} (en or ru). */
    @GET
    @Path("/clients/{clientId}/findings")
    @Blocking
    public List<FindingView> findings(@PathParam("clientId") String clientId, @QueryParam("language") @DefaultValue("en") String language) {
        callers.scope().require(clientId);
        RequestedLanguage.require(language);
        return ClientFindings.of(states.current(clientId), Instant.now()).stream()
                .map(f -> new FindingView(f.key(), f.kind().name(), f.severity().name(), f.kind().title(language), f.sourceId(), f.subject(),
                        f.folderCount(), f.folders(), f.people(), null)).toList();
    }
}
