package io.aclens.snapshot.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.access.Ace;
import io.aclens.access.Principal;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderRefPage;
import io.aclens.contracts.api.SnapshotReadApi;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.snapshot.mapping.ViewMapper;
import io.aclens.snapshot.model.SnapshotEntity;
import io.aclens.snapshot.repository.SnapshotRepository;
import io.aclens.snapshot.repository.StateRepository;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.rest.QueryParameters;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Serves {@link SnapshotReadApi}: paths, parameters and their defaults come from the interface, the one definition. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class SnapshotResource implements SnapshotReadApi {
    private final Callers callers;

    private final SnapshotRepository snapshots;
    private final StateRepository state;

    public SnapshotResource(SnapshotRepository snapshots, StateRepository state, Callers callers) {
        this.callers = callers;
        this.snapshots = snapshots;
        this.state = state;
    }

    @Override
    @WithSession
    public Uni<List<SnapshotView>> snapshots(String clientId, String sourceId, String at) {
        callers.scope().require(clientId);
        if (at != null) {
            if (sourceId == null) {
                throw ProblemException.badRequest("'at' needs a sourceId: state is kept per source");
            }
            return snapshots.currentAt(clientId, sourceId, QueryParameters.instant("at", at))
                    .map(s -> s == null ? List.<SnapshotView>of() : List.of(ViewMapper.toView(s)));
        }
        return snapshots.listForClient(clientId, sourceId).map(list -> list.stream().map(ViewMapper::toView).toList());
    }

    @Override
    public Uni<List<Principal>> principals(String clientId) {
        callers.scope().require(clientId);
        return state.principals(clientId);
    }

    @Override
    @WithSession
    public Uni<SnapshotView> snapshot(long snapshotId) {
        return find(snapshotId).map(ViewMapper::toView);
    }

    @Override
    @WithSession
    public Uni<FolderPage> folders(long snapshotId, String after, int limit) {
        int pageSize = pageSize(limit);
        return find(snapshotId).chain(s -> state.folders(s.clientId, s.sourceId, s.snapshotId, after, pageSize));
    }

    @Override
    @WithSession
    public Uni<FolderRefPage> folderRefs(long snapshotId, String after, int limit) {
        int pageSize = pageSize(limit);
        return find(snapshotId).chain(s -> state.folderRefs(s.clientId, s.sourceId, s.snapshotId, after, pageSize));
    }

    @Override
    @WithSession
    public Uni<Map<String, List<Ace>>> acls(long snapshotId) {
        return find(snapshotId).chain(s -> state.acls(s.clientId, s.sourceId, s.snapshotId));
    }

    @Override
    @WithSession
    public Uni<DeltaPage> delta(long snapshotId, String after, int limit) {
        int pageSize = pageSize(limit);
        return find(snapshotId)
                .chain(s -> state.delta(s.clientId, s.sourceId, s.snapshotId, s.previousSnapshotId == null, after, pageSize));
    }

    /** The snapshot, when the caller may see its client; otherwise "not found", like an unknown id. */
    private Uni<SnapshotEntity> find(long snapshotId) {
        ClientScope scope = callers.scope();
        return snapshots.findById(snapshotId).map(s -> scope.visible(s, s == null ? null : s.clientId, "snapshot " + snapshotId));
    }

    private static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }
}
