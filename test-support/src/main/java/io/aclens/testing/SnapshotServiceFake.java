package io.aclens.testing;

import io.aclens.access.Ace;
import io.aclens.access.Principal;
import io.aclens.access.nt.Sddl;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.DeltaPage;
import io.aclens.contracts.api.DirectoryReadApi;
import io.aclens.contracts.api.DirectorySnapshotView;
import io.aclens.contracts.api.DirectorySyncView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderRef;
import io.aclens.contracts.api.FolderRefPage;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.SnapshotReadApi;
import io.aclens.contracts.api.SnapshotView;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The snapshot service's read API answered from maps a test fills, for the diff and report services' own tests
 * (served by {@link JsonStubServer}); it implements the same interfaces the real service does, so it cannot drift.
 * A missing entry answers 404, as the service does for what it does not know.
 */
public final class SnapshotServiceFake implements SnapshotReadApi, DirectoryReadApi {
    /** A client's snapshots, newest first (every source's). */
    public final Map<String, List<SnapshotView>> snapshotsByClient = new ConcurrentHashMap<>();
    public final Map<Long, SnapshotView> snapshotsById = new ConcurrentHashMap<>();
    public final Map<Long, FolderPage> folders = new ConcurrentHashMap<>();
    public final Map<Long, DeltaPage> deltas = new ConcurrentHashMap<>();
    public final Map<String, List<Principal>> principals = new ConcurrentHashMap<>();
    /** A client's current directory; {@code exclude} is not applied (tests keep one directory per client). */
    public final Map<String, List<DirectoryEntry>> directory = new ConcurrentHashMap<>();
    public final Map<Long, List<DirectoryEntry>> directorySnapshots = new ConcurrentHashMap<>();
    /** A client's directory snapshots (the entries of each in {@link #directorySnapshots}). */
    public final Map<String, List<DirectorySnapshotView>> directorySnapshotsByClient = new ConcurrentHashMap<>();
    private final LongFunction<SnapshotView> unknownSnapshot;

    /** @param unknownSnapshot what a snapshot no map holds is answered with; null for 404 */
    public SnapshotServiceFake(LongFunction<SnapshotView> unknownSnapshot) {
        this.unknownSnapshot = unknownSnapshot;
    }

    public SnapshotServiceFake() {
        this(id -> null);
    }

    @Override
    public Uni<List<SnapshotView>> snapshots(String clientId, String sourceId, String at) {
        List<SnapshotView> ofSource = snapshotsByClient.getOrDefault(clientId, List.of()).stream()
                .filter(s -> sourceId == null || s.sourceId().equals(sourceId)).toList();
        if (at == null) {
            return Uni.createFrom().item(ofSource);
        }
        java.time.Instant when = java.time.Instant.parse(at);
        return Uni.createFrom().item(ofSource.stream().filter(s -> !s.committedAt().isAfter(when))
                .max(java.util.Comparator.comparing(SnapshotView::committedAt)).map(List::of).orElse(List.of()));
    }

    @Override
    public Uni<List<Principal>> principals(String clientId) {
        return Uni.createFrom().item(principals.getOrDefault(clientId, List.of()));
    }

    @Override
    public Uni<SnapshotView> snapshot(long snapshotId) {
        return Uni.createFrom().item(Optional.ofNullable(snapshotsById.get(snapshotId))
                .or(() -> snapshotsByClient.values().stream().flatMap(List::stream).filter(s -> s.snapshotId() == snapshotId).findFirst())
                .orElseGet(() -> unknownSnapshot.apply(snapshotId)));
    }

    @Override
    public Uni<FolderPage> folders(long snapshotId, String after, int limit) {
        return Uni.createFrom().item(folders.get(snapshotId));
    }

    /** The {@link #folders} page without DACLs, as the service answers it. */
    @Override
    public Uni<FolderRefPage> folderRefs(long snapshotId, String after, int limit) {
        FolderPage page = folders.get(snapshotId);
        return Uni.createFrom().item(page == null ? null : new FolderRefPage(page.items().stream().map(f -> new FolderRef(f.path(), f.depth(),
                f.ownerSid(), f.inheritanceProtected(), f.aclHash(), f.readError(), Sddl.hasNullDacl(f.sddl()))).toList(), page.next()));
    }

    /** The DACLs of the {@link #folders} page, by hash. */
    @Override
    public Uni<Map<String, List<Ace>>> acls(long snapshotId) {
        FolderPage page = folders.get(snapshotId);
        return Uni.createFrom().item(page == null ? null : page.items().stream()
                .collect(Collectors.toMap(FolderView::aclHash, FolderView::dacl, (first, same) -> first)));
    }

    @Override
    public Uni<DeltaPage> delta(long snapshotId, String after, int limit) {
        return Uni.createFrom().item(deltas.get(snapshotId));
    }

    @Override
    public Uni<List<DirectoryEntry>> directory(String clientId, String excludedDirectoryId) {
        return Uni.createFrom().item(directory.getOrDefault(clientId, List.of()));
    }

    @Override
    public Uni<List<DirectorySnapshotView>> directorySnapshots(String clientId) {
        return Uni.createFrom().item(directorySnapshotsByClient.getOrDefault(clientId, List.of()));
    }

    @Override
    public Uni<DirectorySnapshotView> directorySnapshot(long id) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<List<DirectoryEntry>> directoryEntries(long id) {
        return Uni.createFrom().item(directorySnapshots.get(id));
    }

    @Override
    public Uni<DirectorySyncView> directorySync(String syncId) {
        return Uni.createFrom().nullItem();
    }
}
