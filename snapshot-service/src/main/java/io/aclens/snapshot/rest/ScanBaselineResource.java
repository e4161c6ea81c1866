package io.aclens.snapshot.rest;

import io.aclens.auth.Roles;
import io.aclens.contracts.api.ScanBaseline;
import io.aclens.contracts.api.ScanBaselineApi;
import io.aclens.snapshot.repository.StateRepository;
import io.aclens.support.security.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Serves {@link ScanBaselineApi}: what the collector compares a rescan with, so that it sends only what changed. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.SERVICE})
public class ScanBaselineResource implements ScanBaselineApi {
    private final Callers callers;
    private final StateRepository states;

    public ScanBaselineResource(StateRepository states, Callers callers) {
        this.callers = callers;
        this.states = states;
    }

    @Override
    public Uni<ScanBaseline> scanBaseline(String clientId, String sourceId) {
        callers.scope().require(clientId);
        return states.baseline(clientId, sourceId);
    }
}
