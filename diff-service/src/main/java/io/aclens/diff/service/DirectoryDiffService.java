package io.aclens.diff.service;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.EffectiveChange;
import io.aclens.access.effective.EffectiveChanges;
import io.aclens.contracts.DirectoryChangeSetCompleted;
import io.aclens.contracts.DirectorySnapshotCommitted;
import io.aclens.contracts.SourceServer;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.diff.client.SnapshotServiceClient;
import io.aclens.diff.messaging.ChangeEventPublisher;
import io.aclens.diff.repository.EffectiveChangeStore;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Turns a committed directory snapshot into effective change events: the directory before and after (with the
 * client's other directories as they are now) evaluated against every folder of the client's current
 * snapshots, held by {@link SnapshotFolders}. No ACL changed, so every change is a membership or account change. Stored once, then published;
 * a redelivered event only publishes again.
 */
@ApplicationScoped
public class DirectoryDiffService {
    private static final Logger LOG = Logger.getLogger(DirectoryDiffService.class);
    private final SnapshotServiceClient snapshots;
    private final SnapshotFolders snapshotFolders;
    private final EffectiveChangeStore store;
    private final ChangeEventPublisher publisher;
    private final DiffRetries retries;

    public DirectoryDiffService(@RestClient SnapshotServiceClient snapshots, SnapshotFolders snapshotFolders, EffectiveChangeStore store,
                                ChangeEventPublisher publisher, DiffRetries retries) {
        this.snapshots = snapshots;
        this.snapshotFolders = snapshotFolders;
        this.store = store;
        this.publisher = publisher;
        this.retries = retries;
    }

    /** Diffs a committed directory snapshot once; publishes its changes (again, when redelivered) as part of {@code trace}. */
    public Uni<Void> onDirectorySnapshotCommitted(DirectorySnapshotCommitted snapshot, Context trace) {
        return retries.retried(store.hasDirectoryChangeSet(snapshot.directorySnapshotId())
                        .chain(done -> done ? Uni.createFrom().voidItem() : detectAndStore(snapshot)))
                .chain(() -> store.events(EffectiveChangeStore.directoryTrigger(snapshot.directorySnapshotId())))
                .chain(events -> publisher.effectiveChanges(events, trace))
                .chain(() -> store.directoryChangeSet(snapshot.directorySnapshotId()))
                .chain(set -> set.map(s -> publisher.directoryChangeSetCompleted(new DirectoryChangeSetCompleted(
                        DirectoryChangeSetCompleted.eventIdFor(s.directorySnapshotId()), s.directorySnapshotId(), s.previousDirectorySnapshotId(),
                        s.clientId(), s.directoryId(), s.changeCount(), s.baseline(), s.computedAt()), trace)).orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Uni<Void> detectAndStore(DirectorySnapshotCommitted snapshot) {
        if (snapshot.previousDirectorySnapshotId() == null) {
            return store.storeDirectoryChanges(snapshot, List.of(), DirectoryState.empty()); // the directory's baseline
        }
        Uni<List<DirectoryEntry>> others = snapshots.directory(snapshot.clientId(), snapshot.directoryId());
        Uni<List<DirectoryEntry>> before = snapshots.directoryEntries(snapshot.previousDirectorySnapshotId());
        Uni<List<DirectoryEntry>> after = snapshots.directoryEntries(snapshot.directorySnapshotId());
        return Uni.combine().all().unis(others, before, after).asTuple().chain(directories -> currentFolders(snapshot.clientId())
                .chain(folders -> Uni.createFrom().item(() -> {
                    DirectoryState was = merged(directories.getItem1(), directories.getItem2());
                    DirectoryState is = merged(directories.getItem1(), directories.getItem3());
                    List<EffectiveChange> changes = EffectiveChanges.ofDirectoryChange(folders, was, is);
                    LOG.infof("Directory snapshot %d of %s: %d effective changes over %d folders", snapshot.directorySnapshotId(),
                            snapshot.directoryId(), changes.size(), folders.stream().mapToInt(f -> f.folders().size()).sum());
                    return changes;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())) // CPU-bound: off the event loop
                .chain(changes -> store.storeDirectoryChanges(snapshot, changes, merged(directories.getItem2(), directories.getItem3()))));
    }

    /** Later entries win: the changed directory over the others, "after" over "before" for naming people who left. */
    private static DirectoryState merged(List<DirectoryEntry> first, List<DirectoryEntry> second) {
        Map<String, DirectoryEntry> bySid = new LinkedHashMap<>();
        first.forEach(e -> bySid.put(e.sid(), e));
        second.forEach(e -> bySid.put(e.sid(), e));
        return new DirectoryState(bySid.values());
    }

    /** Every readable folder of the client's current snapshot of each source, with what the source's server adds. */
    private Uni<List<EffectiveChanges.SourceFolders>> currentFolders(String clientId) {
        return snapshots.snapshots(clientId, null, null).chain(list -> {
            Map<String, SnapshotView> current = new LinkedHashMap<>();
            list.forEach(s -> current.putIfAbsent(s.sourceId(), s));
            return Multi.createFrom().iterable(current.values())
                    .onItem().transformToUniAndConcatenate(s -> snapshotFolders.of(s)
                            .map(folders -> new EffectiveChanges.SourceFolders(SourceServer.contextOf(s.server()), folders)))
                    .collect().asList();
        });
    }
}
