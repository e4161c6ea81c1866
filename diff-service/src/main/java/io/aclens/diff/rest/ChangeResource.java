package io.aclens.diff.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.contracts.api.ChangeReadApi;
import io.aclens.contracts.api.ChangeSetView;
import io.aclens.contracts.api.ChangeView;
import io.aclens.diff.mapping.ChangeMapper;
import io.aclens.diff.repository.ChangeRepository;
import io.aclens.diff.repository.ChangeSetRepository;
import io.aclens.support.rest.Period;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class ChangeResource implements ChangeReadApi {
    private final Callers callers;

    private final ChangeRepository changes;
    private final ChangeSetRepository changeSets;

    public ChangeResource(ChangeRepository changes, ChangeSetRepository changeSets, Callers callers) {
        this.callers = callers;
        this.changes = changes;
        this.changeSets = changeSets;
    }

    @Override
    @WithSession
    public Uni<List<ChangeView>> changes(String clientId, String sourceId, String from, String to) {
        callers.scope().require(clientId);
        Period period = Period.of(from, to);
        return changes.forClient(clientId, sourceId, period.from(), period.to()).map(list -> list.stream().map(ChangeMapper::toView).toList());
    }

    @Override
    @WithSession
    public Uni<List<ChangeSetView>> changeSets(String clientId) {
        callers.scope().require(clientId);
        return changeSets.forClient(clientId).map(list -> list.stream().map(ChangeMapper::toView).toList());
    }

    @Override
    @WithSession
    public Uni<ChangeSetView> changeSet(long snapshotId) {
        ClientScope scope = callers.scope();
        return changeSets.findById(snapshotId)
                .map(set -> scope.visible(set, set == null ? null : set.clientId, "diffed snapshot " + snapshotId + " (yet)"))
                .map(ChangeMapper::toView);
    }
}
