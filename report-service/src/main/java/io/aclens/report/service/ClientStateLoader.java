package io.aclens.report.service;

import io.aclens.access.AccessMatrix;
import io.aclens.access.Ace;
import io.aclens.access.MatrixFolder;
import io.smallrye.mutiny.Uni;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.SourceContext;
import io.aclens.contracts.SourceServer;
import io.aclens.contracts.api.DirectorySnapshotView;
import io.aclens.contracts.api.FolderRef;
import io.aclens.contracts.api.FolderRefPage;
import io.aclens.contracts.api.SnapshotReadApi;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.report.client.SnapshotServiceClient;
import io.aclens.report.repository.SourceStateRepository;
import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Loads a client's state as reports and access queries read it: each source at its latest diffed snapshot, and the
 * client's current directory. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class ClientStateLoader {
    private static final int FOLDER_PAGE = SnapshotReadApi.MAX_PAGE;
    private static final Duration STORE_TIMEOUT = Duration.ofMinutes(2);
    /** Longer than the REST client's own read timeout (2 min), so its error, naming the call, is the one reported. */
    private static final Duration SNAPSHOT_SERVICE_TIMEOUT = Duration.ofMinutes(3);

    private final SnapshotServiceClient snapshots;
    private final SourceStateRepository sources;

    public ClientStateLoader(@RestClient SnapshotServiceClient snapshots, SourceStateRepository sources) {
        this.snapshots = snapshots;
        this.sources = sources;
    }

    /**
     * One source's folders as matrices, by group and (when the directory is known) by person — evaluated with what its
     * server adds (share permissions, its own groups) — and the client's directory as that server sees it.
     */
    public record Source(SnapshotView snapshot, AccessMatrix groups, PeopleMatrix people, DirectoryState directory) {
    }

    public record Loaded(List<Source> sources, DirectoryState directory, Map<String, Principal> principals, long folderCount,
                         List<Long> snapshotIds) {
    }

    /** The client's current directory alone (every directory of the client merged), without any folder. */
    public DirectoryState directory(String clientId) {
        return new DirectoryState(fromSnapshotService(snapshots.directory(clientId, null)));
    }

    /**
     * Which snapshots the client's state at an earlier moment is made of: each source's snapshot current then (none for a
     * source not scanned yet) and each directory's last snapshot committed by then. Part of a cache key: it prints its ids.
     */
    public record PastVersion(Map<String, Long> snapshotBySource, List<Long> directorySnapshotIds) {
    }

    public PastVersion versionAt(String clientId, Instant at) {
        Map<String, Long> bySource = new java.util.TreeMap<>();
        for (String sourceId : sources.latestSnapshots(clientId).await().atMost(STORE_TIMEOUT).keySet()) {
            fromSnapshotService(snapshots.snapshots(clientId, sourceId, at.toString())).stream().findFirst()
                    .ifPresent(snapshot -> bySource.put(sourceId, snapshot.snapshotId()));
        }
        Map<String, DirectorySnapshotView> lastByDirectory = new java.util.TreeMap<>();
        for (DirectorySnapshotView snapshot : fromSnapshotService(snapshots.directorySnapshots(clientId))) {
            if (!snapshot.committedAt().isAfter(at)) {
                lastByDirectory.merge(snapshot.directoryId(), snapshot, (a, b) -> a.committedAt().isAfter(b.committedAt()) ? a : b);
            }
        }
        return new PastVersion(bySource, lastByDirectory.values().stream().map(DirectorySnapshotView::directorySnapshotId)
                .toList());
    }

    /** The client as it was: the snapshots and directory snapshots of {@code version}. */
    public Loaded load(String clientId, PastVersion version) {
        if (version.snapshotBySource().isEmpty()) {
            throw ProblemException.notFound("No source of client " + clientId + " had been scanned by then");
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        version.directorySnapshotIds().forEach(id -> entries.addAll(fromSnapshotService(snapshots.directoryEntries(id))));
        return load(clientId, version.snapshotBySource(), new DirectoryState(entries));
    }

    /** Every person gets a column, accounts that cannot log on (disabled, expired) too, for their dormant levels. */
    public Loaded load(String clientId) {
        Map<String, Long> latest = sources.latestSnapshots(clientId).await().atMost(STORE_TIMEOUT);
        if (latest.isEmpty()) {
            throw ProblemException.notFound("No diffed snapshot of client " + clientId + " is known yet; scan one of its sources first");
        }
        return load(clientId, latest, directory(clientId));
    }

    private Loaded load(String clientId, Map<String, Long> latest, DirectoryState directory) {
        Map<String, Principal> principals = names(clientId, directory);
        List<Source> loaded = new ArrayList<>();
        long folderCount = 0;
        for (long snapshotId : latest.values()) {
            SnapshotView snapshot = fromSnapshotService(snapshots.snapshot(snapshotId));
            SourceContext context = SourceServer.contextOf(snapshot.server());
            DirectoryState onServer = context.directoryOn(directory);
            addServerGroups(principals, context);
            List<MatrixFolder> folders = folders(snapshotId);
            folderCount += folders.size();
            AccessMatrix groups = AccessMatrix.of(folders, sid -> principals.getOrDefault(sid,
                    WellKnownSids.lookup(sid).orElseGet(() -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED))));
            PeopleMatrix people = directory.isEmpty() ? null : PeopleMatrix.of(groups.rows(), onServer, true, context.share());
            loaded.add(new Source(snapshot, groups, people, onServer));
        }
        return new Loaded(loaded, directory, principals, folderCount, List.copyOf(latest.values()));
    }

    /**
     * {@code held} with one source moved on to {@code snapshotId}, when that snapshot changed nothing the state is made of:
     * it follows the snapshot held, its delta is empty (no folder changed, came or went), its server's context (share
     * permissions, server groups) is the same, and so is every name. Empty when anything differs: load the client again.
     */
    public Optional<Loaded> carriedOver(String clientId, Loaded held, String sourceId, long snapshotId) {
        int at = 0;
        while (at < held.sources().size() && !held.sources().get(at).snapshot().sourceId().equals(sourceId)) {
            at++;
        }
        if (at == held.sources().size()) {
            return Optional.empty();
        }
        Source before = held.sources().get(at);
        SnapshotView snapshot = fromSnapshotService(snapshots.snapshot(snapshotId));
        if (!Objects.equals(snapshot.previousSnapshotId(), before.snapshot().snapshotId()) || !Objects.equals(snapshot.server(), before.snapshot().server())
                || !fromSnapshotService(snapshots.delta(snapshotId, "", 1)).items().isEmpty()) {
            return Optional.empty();
        }
        List<Source> sources = new ArrayList<>(held.sources());
        sources.set(at, new Source(snapshot, before.groups(), before.people(), before.directory()));
        Map<String, Principal> principals = names(clientId, held.directory());
        sources.forEach(source -> addServerGroups(principals, SourceServer.contextOf(source.snapshot().server())));
        if (!principals.equals(held.principals())) {
            return Optional.empty();
        }
        return Optional.of(new Loaded(List.copyOf(sources), held.directory(), held.principals(), held.folderCount(),
                sources.stream().map(source -> source.snapshot().snapshotId()).toList()));
    }

    /** The client's names: as its scans resolved them, the directory's over them. */
    private Map<String, Principal> names(String clientId, DirectoryState directory) {
        Map<String, Principal> principals = new HashMap<>();
        fromSnapshotService(snapshots.principals(clientId)).forEach(p -> principals.putIfAbsent(p.sid(), p));
        directory.entries().forEach(e -> directory.principal(e.sid()).ifPresent(p -> principals.put(p.sid(), p)));
        return principals;
    }

    private static void addServerGroups(Map<String, Principal> principals, SourceContext context) {
        if (context.serverGroups() != null) {
            context.serverGroups().groups().forEach(g -> principals.put(g.sid(), new Principal(g.sid(), g.name(), null, PrincipalKind.GROUP)));
        }
    }

    /**
     * Every folder of a snapshot, read as references to the snapshot's DACLs, which are read once: folders with the same
     * ACL share one DACL instance and folders with the same owner one owner SID (few distinct ACLs and owners per client),
     * so a million folders are held in memory for as long as they are current.
     */
    private List<MatrixFolder> folders(long snapshotId) {
        // one String per SID, shared by the entries and owners naming it: the distinct DACLs of a large client hold hundreds
        // of thousands of entries, each of which read its SID as a String of its own
        Map<String, String> sids = new HashMap<>();
        Map<String, List<Ace>> dacls = new HashMap<>();
        fromSnapshotService(snapshots.acls(snapshotId)).forEach((key, dacl) -> dacls.put(key, dacl == null ? null : dacl.stream()
                .map(ace -> new Ace(ace.type(), sids.computeIfAbsent(ace.sid(), sid -> sid), ace.mask(), ace.flags())).toList()));
        List<MatrixFolder> folders = new ArrayList<>();
        String after = "";
        do {
            FolderRefPage page = fromSnapshotService(snapshots.folderRefs(snapshotId, after, FOLDER_PAGE));
            for (FolderRef folder : page.items()) {
                List<Ace> dacl = folder.daclIn(dacls, snapshotId);
                String owner = folder.ownerSid() == null ? null : sids.computeIfAbsent(folder.ownerSid(), sid -> sid);
                folders.add(new MatrixFolder(folder.path(), folder.depth(), dacl, folder.inheritanceProtected(), folder.readError(),
                        owner, folder.nullDacl()));
            }
            after = page.next();
        } while (after != null);
        return folders;
    }

    /** Reports are built on worker threads, so the loader waits for each answer; a snapshot service that hangs fails the build. */
    private static <T> T fromSnapshotService(Uni<T> answer) {
        return answer.await().atMost(SNAPSHOT_SERVICE_TIMEOUT);
    }
}
