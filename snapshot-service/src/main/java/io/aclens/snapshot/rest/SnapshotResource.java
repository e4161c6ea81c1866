package io.aclens.snapshot.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.access.Principal;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.snapshot.mapping.ViewMapper;
import io.aclens.snapshot.model.SnapshotEntity;
import io.aclens.snapshot.repository.SnapshotRepository;
import io.aclens.snapshot.repository.StateRepository;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.rest.QueryParameters;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class SnapshotResource {
    private final Callers callers;
    private static final int MAX_PAGE = 10_000;

    private final SnapshotRepository snapshots;
    private final StateRepository state;

    public SnapshotResource(SnapshotRepository snapshots, StateRepository state, Callers callers) {
        this.callers = callers;
        this.snapshots = snapshots;
        this.state = state;
    }

    /** A client's snapshots, newest first; {@code at} picks the one current at that instant (needs sourceId). */
    @GET
    @Path("/clients/{clientId}/snapshots")
    @WithSession
    public Uni<List<SnapshotView>> list(@PathParam("clientId") String clientId, @QueryParam("sourceId") String sourceId,
                                        @QueryParam("at") String at) {
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

    @GET
    @Path("/clients/{clientId}/principals")
    public Uni<List<Principal>> principals(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return state.principals(clientId);
    }

    @GET
    @Path("/snapshots/{snapshotId}")
    @WithSession
    public Uni<SnapshotView> get(@PathParam("snapshotId") long snapshotId) {
        return find(snapshotId).map(ViewMapper::toView);
    }

    /** The folders of a snapshot in path-key order; pass the page's {@code next} (an opaque cursor) as {@code after} for the next page. */
    @GET
    @Path("/snapshots/{snapshotId}/folders")
    @WithSession
    public Uni<FolderPage> folders(@PathParam("snapshotId") long snapshotId, @QueryParam("after") @DefaultValue("") String after,
                                   @QueryParam("limit") @DefaultValue("1000") int limit) {
        int pageSize = pageSize(limit);
        return find(snapshotId).chain(s -> state.folders(s.clientId, s.sourceId, s.snapshotId, after, pageSize));
    }

    /** The folders this snapshot changed compared with the previous snapshot of its source. */
    @GET
    @Path("/snapshots/{snapshotId}/delta")
    @WithSession
    public Uni<DeltaPage> delta(@PathParam("snapshotId") long snapshotId, @QueryParam("after") @DefaultValue("") String after,
                                @QueryParam("limit") @DefaultValue("1000") int limit) {
        int pageSize = pageSize(limit);
        return find(snapshotId).chain(s -> state.delta(s.clientId, s.sourceId, s.snapshotId, after, pageSize));
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
