package io.aclens.snapshot.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.DirectorySnapshotView;
import io.aclens.contracts.api.DirectorySyncView;
import io.aclens.snapshot.repository.DirectoryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Directory state with history: a client's current directory, its directory snapshots and what each held. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class DirectoryResource {
    private final Callers callers;
    private final DirectoryRepository directories;

    public DirectoryResource(DirectoryRepository directories, Callers callers) {
        this.callers = callers;
        this.directories = directories;
    }

    /** Every directory's current users and groups; {@code exclude} leaves one directory out. */
    @GET
    @Path("/clients/{clientId}/directory")
    public Uni<List<DirectoryEntry>> current(@PathParam("clientId") String clientId, @QueryParam("exclude") String excludedDirectoryId) {
        callers.scope().require(clientId);
        return directories.currentEntries(clientId, excludedDirectoryId);
    }

    @GET
    @Path("/clients/{clientId}/directory-snapshots")
    public Uni<List<DirectorySnapshotView>> snapshots(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return directories.snapshots(clientId);
    }

    @GET
    @Path("/directory-snapshots/{id}")
    public Uni<DirectorySnapshotView> snapshot(@PathParam("id") long id) {
        return find(id);
    }

    /** The users and groups of the snapshot's directory as that snapshot saw them. */
    @GET
    @Path("/directory-snapshots/{id}/entries")
    public Uni<List<DirectoryEntry>> entries(@PathParam("id") long id) {
        return find(id).chain(directories::entriesAt);
    }

    @GET
    @Path("/directory-syncs/{syncId}/snapshot")
    public Uni<DirectorySyncView> sync(@PathParam("syncId") String syncId) {
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
