package io.aclens.snapshot.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.DirectoryReadApi;
import io.aclens.contracts.api.DirectorySnapshotView;
import io.aclens.contracts.api.DirectorySyncView;
import io.aclens.snapshot.repository.DirectoryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Serves {@link DirectoryReadApi}: a client's current directory, its directory snapshots and what each held. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class DirectoryResource implements DirectoryReadApi {
    private final Callers callers;
    private final DirectoryRepository directories;

    public DirectoryResource(DirectoryRepository directories, Callers callers) {
        this.callers = callers;
        this.directories = directories;
    }

    @Override
    public Uni<List<DirectoryEntry>> directory(String clientId, String excludedDirectoryId) {
        callers.scope().require(clientId);
        return directories.currentEntries(clientId, excludedDirectoryId);
    }

    @Override
    public Uni<List<DirectorySnapshotView>> directorySnapshots(String clientId) {
        callers.scope().require(clientId);
        return directories.snapshots(clientId);
    }

    @Override
    public Uni<DirectorySnapshotView> directorySnapshot(long id) {
        return find(id);
    }

    @Override
    public Uni<List<DirectoryEntry>> directoryEntries(long id) {
        return find(id).chain(directories::entriesAt);
    }

    @Override
    public Uni<DirectorySyncView> directorySync(String syncId) {
        ClientScope scope = callers.scope();
        return directories.sync(syncId).map(found -> scope.visible(found.orElse(null), found.map(DirectorySyncView::clientId).orElse(null),
                "directory sync " + syncId + " has reached the snapshot service"));
    }

    private Uni<DirectorySnapshotView> find(long id) {
        ClientScope scope = callers.scope();
        return directories.snapshot(id).map(found -> scope.visible(found.orElse(null), found.map(DirectorySnapshotView::clientId).orElse(null),
                "directory snapshot " + id));
    }
}
