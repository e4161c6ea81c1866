package io.aclens.diff.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.contracts.api.DirectoryChangeSetView;
import io.aclens.contracts.api.EffectiveChangeReadApi;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.diff.repository.EffectiveChangeStore;
import io.aclens.support.rest.Period;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Changes in effective terms: what people gained or lost, and why. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class EffectiveChangeResource implements EffectiveChangeReadApi {
    private final Callers callers;

    private final EffectiveChangeStore store;

    public EffectiveChangeResource(EffectiveChangeStore store, Callers callers) {
        this.callers = callers;
        this.store = store;
    }

    /** A client's effective changes detected in [from, to), the last 30 days by default; {@code user} is a SID or login. */
    @Override
    public Uni<List<EffectiveChangeView>> effectiveChanges(String clientId, String from, String to, String user) {
        callers.scope().require(clientId);
        Period period = Period.of(from, to);
        return store.changes(clientId, period.from(), period.to(), user);
    }

    @Override
    public Uni<DirectoryChangeSetView> directoryChangeSet(long directorySnapshotId) {
        ClientScope scope = callers.scope();
        return store.directoryChangeSet(directorySnapshotId).map(found -> scope.visible(found.orElse(null),
                found.map(DirectoryChangeSetView::clientId).orElse(null), "diffed directory snapshot " + directorySnapshotId + " (yet)"));
    }
}
