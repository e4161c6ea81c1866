package io.aclens.diff.service;

import io.aclens.support.metrics.Freshness;

import io.aclens.access.AccessChange;
import io.aclens.access.AccessChanges;
import io.aclens.access.FolderState;
import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.EffectiveChanges;
import io.aclens.access.effective.SharePermissions;
import io.aclens.access.effective.SourceContext;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.contracts.SourceServer;
import io.aclens.contracts.api.FolderDelta;
import io.aclens.contracts.api.FolderView;
import io.aclens.diff.client.SnapshotServiceClient;
import io.aclens.diff.mapping.FolderAclMapper;
import io.aclens.diff.messaging.ChangeEventPublisher;
import io.aclens.diff.repository.ChangeStore;
import io.aclens.diff.repository.EffectiveChangeStore;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Turns a committed snapshot into change events: reads the folders it changed from the snapshot service,
 * classifies each change (and a change of the share's own permissions), stores the change set, then publishes.
 * A snapshot already diffed is only published again (same event ids), so a redelivered "snapshot committed" is
 * harmless.
 */
@ApplicationScoped
public class DiffService {
    private static final Logger LOG = Logger.getLogger(DiffService.class);
    private static final int PAGE = 2000;

    private final SnapshotServiceClient snapshots;
    private final ChangeStore store;
    private final EffectiveChangeStore effective;
    private final ChangeEventPublisher publisher;
    private final DiffRetries retries;
    private final Freshness freshness;
    private final SnapshotFolders snapshotFolders;

    public DiffService(@RestClient SnapshotServiceClient snapshots, ChangeStore store, EffectiveChangeStore effective,
                       ChangeEventPublisher publisher, DiffRetries retries, Freshness freshness, SnapshotFolders snapshotFolders) {
        this.snapshotFolders = snapshotFolders;
        this.snapshots = snapshots;
        this.freshness = freshness;
        this.store = store;
        this.effective = effective;
        this.publisher = publisher;
        this.retries = retries;
    }

    /** Diffs a committed snapshot once; publishes its changes (again, when redelivered) as part of {@code trace}. */
    public Uni<Void> onSnapshotCommitted(SnapshotCommitted snapshot, Context trace) {
        return retries.retried(store.hasChangeSet(snapshot.snapshotId())
                        .chain(done -> done ? Uni.createFrom().voidItem() : detectAndStore(snapshot)))
                .chain(() -> publish(snapshot.snapshotId(), trace));
    }

    private Uni<Void> detectAndStore(SnapshotCommitted snapshot) {
        if (snapshot.previousSnapshotId() == null) {
            // a source's first snapshot is its baseline
            return store.store(snapshot, List.of(), List.of(), DirectoryState.empty());
        }
        return snapshots.directory(snapshot.clientId(), null).map(DirectoryState::new).chain(directory -> detect(snapshot, directory)
                .chain(found -> Uni.createFrom().item(() -> {
                            snapshotFolders.advance(snapshot.previousSnapshotId(), snapshot.snapshotId(), snapshot.sourceId(), found.deltas());
                            return EffectiveChanges.ofSnapshot(found.sources(), directory);
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // CPU-bound: off the event loop
                        .chain(effectiveChanges -> store.store(snapshot, found.changes(), effectiveChanges, directory))));
    }

    /** The ACL-level changes of a snapshot, and its source's two states for effective changes. */
    private record Detected(List<DetectedChange> changes, EffectiveChanges.SourceSnapshots sources, List<FolderDelta> deltas) {
    }

    private Uni<Detected> detect(SnapshotCommitted snapshot, DirectoryState directory) {
        Uni<SourceContext[]> contexts = Uni.combine().all()
                .unis(snapshots.snapshot(snapshot.previousSnapshotId()), snapshots.snapshot(snapshot.snapshotId())).asTuple()
                .map(views -> new SourceContext[] {SourceServer.contextOf(views.getItem1().server()), SourceServer.contextOf(views.getItem2().server())});
        return Uni.combine().all().unis(contexts, deltas(snapshot.snapshotId(), "", new ArrayList<>()), snapshots.principals(snapshot.clientId()))
                .asTuple().chain(found -> {
                    SourceContext before = found.getItem1()[0];
                    SourceContext after = found.getItem1()[1];
                    Map<String, Principal> scanned = found.getItem3().stream()
                            .collect(Collectors.toMap(Principal::sid, Function.identity(), (a, b) -> a));
                    Function<String, String> nameOf = sid -> directory.principal(sid).map(Principal::name)
                            .or(() -> java.util.Optional.ofNullable(scanned.get(sid)).map(Principal::name)).orElseGet(() -> directory.nameOf(sid));
                    List<DetectedChange> changes = new ArrayList<>();
                    List<EffectiveChanges.EditedFolder> edited = new ArrayList<>();
                    Set<String> changedPaths = new HashSet<>();
                    for (FolderDelta delta : found.getItem2()) {
                        FolderState was = delta.before() == null ? null : delta.before().toState();
                        FolderState is = delta.after() == null ? null : delta.after().toState();
                        changedPaths.add(delta.after() != null ? delta.after().path() : delta.before().path());
                        if (was != null && is != null && was.readError() == null && is.readError() == null) {
                            edited.add(new EffectiveChanges.EditedFolder(FolderAclMapper.toFolderAcl(snapshot.sourceId(), delta.before()),
                                    FolderAclMapper.toFolderAcl(snapshot.sourceId(), delta.after())));
                        }
                        AccessChanges.between(was, is).forEach(change -> changes.add(named(change, nameOf)));
                    }
                    shareChanges(before.share(), after.share()).forEach(change -> changes.add(named(change, nameOf)));
                    LOG.infof("Snapshot %d of %s: %d folders changed, %d access changes", snapshot.snapshotId(), snapshot.sourceId(),
                            found.getItem2().size(), changes.size());
                    EffectiveChanges.SourceSnapshots sources = new EffectiveChanges.SourceSnapshots(edited, List.of(), before, after);
                    if (!sources.contextChanged()) {
                        return Uni.createFrom().item(new Detected(changes, sources, found.getItem2()));
                    }
                    // the share's permissions or the server's groups changed: every folder may be affected
                    return unchangedFolders(snapshot, changedPaths, "", new ArrayList<>()).map(unchanged ->
                            new Detected(changes, new EffectiveChanges.SourceSnapshots(edited, unchanged, before, after),
                            found.getItem2()));
                });
    }

    private static DetectedChange named(AccessChange change, Function<String, String> nameOf) {
        return new DetectedChange(change, change.sid() == null ? null : nameOf.apply(change.sid()));
    }

    private static List<AccessChange> shareChanges(SharePermissions before, SharePermissions after) {
        if (before == null || after == null || java.util.Objects.equals(before.dacl(), after.dacl())) {
            return List.of(); // a share first read (or no longer readable) says nothing about what changed
        }
        return AccessChanges.ofSharePermissions(after.uncPath(), before.dacl(), after.dacl());
    }

    private Uni<List<FolderDelta>> deltas(long snapshotId, String after, List<FolderDelta> collected) {
        return snapshots.delta(snapshotId, after, PAGE).chain(page -> {
            collected.addAll(page.items());
            return page.next() == null ? Uni.createFrom().item(collected) : deltas(snapshotId, page.next(), collected);
        });
    }

    private Uni<List<EffectiveChanges.FolderAcl>> unchangedFolders(SnapshotCommitted snapshot, Set<String> changedPaths, String after,
                                                                   List<EffectiveChanges.FolderAcl> collected) {
        return snapshots.folders(snapshot.snapshotId(), after, PAGE).chain(page -> {
            for (FolderView folder : page.items()) {
                if (folder.readError() == null && !changedPaths.contains(folder.path())) {
                    collected.add(FolderAclMapper.toFolderAcl(snapshot.sourceId(), folder));
                }
            }
            return page.next() == null ? Uni.createFrom().item(collected) : unchangedFolders(snapshot, changedPaths, page.next(), collected);
        });
    }

    private Uni<Void> publish(long snapshotId, Context trace) {
        return store.changeEvents(snapshotId).chain(events -> publisher.accessChanges(events, trace))
                .chain(() -> effective.events(EffectiveChangeStore.snapshotTrigger(snapshotId)))
                .chain(events -> publisher.effectiveChanges(events, trace))
                .chain(() -> store.changeSetEvent(snapshotId))
                .chain(changeSet -> publisher.changeSetCompleted(changeSet, trace).invoke(() -> freshness.reached(Freshness.DIFFED,
                        changeSet.clientId(), changeSet.sourceId(), changeSet.scanCompletedAt())));
    }
}
