package io.aclens.diff.service;

import io.aclens.access.AccessChanges;
import io.aclens.access.FolderState;
import io.aclens.access.Principal;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.EffectiveChanges;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.contracts.api.FolderDelta;
import io.aclens.diff.client.SnapshotServiceClient;
import io.aclens.diff.mapping.FolderAclMapper;
import io.aclens.diff.messaging.ChangeEventPublisher;
import io.aclens.diff.repository.ChangeStore;
import io.aclens.diff.repository.EffectiveChangeStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Turns a committed snapshot into change events: reads the folders it changed from the snapshot service,
 * classifies each change, stores the change set, then publishes. A snapshot already diffed is only
 * published again (same event ids), so a redelivered "snapshot committed" is harmless.
 */
@ApplicationScoped
public class DiffService {
    private static final Logger LOG = Logger.getLogger(DiffService.class);
    private static final int DELTA_PAGE = 2000;

    private final SnapshotServiceClient snapshots;
    private final ChangeStore store;
    private final EffectiveChangeStore effective;
    private final ChangeEventPublisher publisher;
    private final DiffRetries retries;

    public DiffService(@RestClient SnapshotServiceClient snapshots, ChangeStore store, EffectiveChangeStore effective,
                       ChangeEventPublisher publisher, DiffRetries retries) {
        this.snapshots = snapshots;
        this.store = store;
        this.effective = effective;
        this.publisher = publisher;
        this.retries = retries;
    }

    public Uni<Void> onSnapshotCommitted(SnapshotCommitted snapshot) {
        return retries.retried(store.hasChangeSet(snapshot.snapshotId())
                        .chain(done -> done ? Uni.createFrom().voidItem() : detectAndStore(snapshot)))
                .chain(() -> publish(snapshot.snapshotId()));
    }

    private Uni<Void> detectAndStore(SnapshotCommitted snapshot) {
        return detect(snapshot).chain(found -> directoryFor(snapshot, found).chain(directory ->
                Uni.createFrom().item(() -> EffectiveChanges.ofAclEdits(found.edited(), directory))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // CPU-bound: off the event loop
                        .chain(effectiveChanges -> store.store(snapshot, found.changes(), effectiveChanges, directory))));
    }

    /** The ACL-level changes of a snapshot, and the folders whose ACL or owner was edited (for effective changes). */
    private record Detected(List<DetectedChange> changes, List<EffectiveChanges.EditedFolder> edited) {
    }

    private Uni<Detected> detect(SnapshotCommitted snapshot) {
        if (snapshot.previousSnapshotId() == null) {
            return Uni.createFrom().item(new Detected(List.of(), List.of())); // a source's first snapshot is its baseline
        }
        return deltas(snapshot.snapshotId(), "", new ArrayList<>())
                .chain(deltas -> snapshots.principals(snapshot.clientId()).map(principals -> {
                    Map<String, Principal> bySid = principals.stream().collect(Collectors.toMap(Principal::sid, Function.identity(), (a, b) -> a));
                    List<DetectedChange> changes = new ArrayList<>();
                    List<EffectiveChanges.EditedFolder> edited = new ArrayList<>();
                    for (FolderDelta delta : deltas) {
                        FolderState before = delta.before() == null ? null : delta.before().toState();
                        FolderState after = delta.after() == null ? null : delta.after().toState();
                        if (before != null && after != null && before.readError() == null && after.readError() == null) {
                            edited.add(new EffectiveChanges.EditedFolder(FolderAclMapper.toFolderAcl(snapshot.sourceId(), delta.before()),
                                    FolderAclMapper.toFolderAcl(snapshot.sourceId(), delta.after())));
                        }
                        AccessChanges.between(before, after).forEach(change -> {
                            Principal principal = change.sid() == null ? null : bySid.get(change.sid());
                            changes.add(new DetectedChange(change, principal == null ? change.sid() : principal.name()));
                        });
                    }
                    LOG.infof("Snapshot %d of %s: %d folders changed, %d access changes", snapshot.snapshotId(), snapshot.sourceId(),
                            deltas.size(), changes.size());
                    return new Detected(changes, edited);
                }));
    }

    /** The client's directory, read only when some folder's ACL was edited (a baseline or a pure add/remove needs none). */
    private Uni<DirectoryState> directoryFor(SnapshotCommitted snapshot, Detected found) {
        return found.edited().isEmpty() ? Uni.createFrom().item(DirectoryState.empty())
                : snapshots.directory(snapshot.clientId(), null).map(DirectoryState::new);
    }

    private Uni<List<FolderDelta>> deltas(long snapshotId, String after, List<FolderDelta> collected) {
        return snapshots.delta(snapshotId, after, DELTA_PAGE).chain(page -> {
            collected.addAll(page.items());
            return page.next() == null ? Uni.createFrom().item(collected) : deltas(snapshotId, page.next(), collected);
        });
    }

    private Uni<Void> publish(long snapshotId) {
        return store.changeEvents(snapshotId).chain(publisher::accessChanges)
                .chain(() -> effective.events(EffectiveChangeStore.snapshotTrigger(snapshotId))).chain(publisher::effectiveChanges)
                .chain(() -> store.changeSetEvent(snapshotId)).chain(publisher::changeSetCompleted);
    }
}
