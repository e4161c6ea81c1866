package io.aclens.snapshot.rest;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.DirectorySnapshotView;
import io.aclens.contracts.api.DirectorySyncView;
import io.aclens.snapshot.repository.DirectoryRepository;
import io.aclens.support.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Directory state with history: a client's current directory, its directory snapshots and what each held. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {
    private final DirectoryRepository directories;

    public DirectoryResource(DirectoryRepository directories) {
        this.directories = directories;
    }

    /** Every directory's current users and groups; {@code exclude} leaves one directory out. */
    @GET
    @Path("/clients/{clientId}/directory")
    public Uni<List<DirectoryEntry>> current(@PathParam("clientId") String clientId, @QueryParam("exclude") String excludedDirectoryId) {
        return directories.currentEntries(clientId, excludedDirectoryId);
    }

    @GET
    @Path("/clients/{clientId}/directory-snapshots")
    public Uni<List<DirectorySnapshotView>> snapshots(@PathParam("clientId") String clientId) {
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
    @Path("/directory-syncs/{syncId}")
    public Uni<DirectorySyncView> sync(@PathParam("syncId") String syncId) {
        return directories.sync(syncId).map(found -> found.orElseThrow(() ->
                ProblemException.notFound("No directory sync " + syncId + " has reached the snapshot service")));
    }

    private Uni<DirectorySnapshotView> find(long id) {
        return directories.snapshot(id).map(found -> found.orElseThrow(() -> ProblemException.notFound("No directory snapshot " + id)));
    }
}
