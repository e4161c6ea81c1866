package io.aclens.testing;

import io.aclens.contracts.api.ChangeReadApi;
import io.aclens.contracts.api.ChangeSetView;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.DirectoryChangeSetView;
import io.aclens.contracts.api.EffectiveChangeReadApi;
import io.aclens.contracts.api.EffectiveChangeView;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The diff service's read API answered from maps a test fills (served by {@link JsonStubServer}); it implements the
 * interfaces the real service does. The period and person filters are not applied: each test's client has its own lists.
 */
public final class DiffServiceFake implements ChangeReadApi, EffectiveChangeReadApi {
    public final Map<String, List<ChangeView>> changes = new ConcurrentHashMap<>();
    public final Map<String, List<EffectiveChangeView>> effectiveChanges = new ConcurrentHashMap<>();

    @Override
    public Uni<List<ChangeView>> changes(String clientId, String sourceId, String from, String to) {
        return Uni.createFrom().item(changes.getOrDefault(clientId, List.of()));
    }

    @Override
    public Uni<List<ChangeSetView>> changeSets(String clientId) {
        return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<ChangeSetView> changeSet(long snapshotId) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<List<EffectiveChangeView>> effectiveChanges(String clientId, String from, String to, String user) {
        return Uni.createFrom().item(effectiveChanges.getOrDefault(clientId, List.of()));
    }

    @Override
    public Uni<DirectoryChangeSetView> directoryChangeSet(long directorySnapshotId) {
        return Uni.createFrom().nullItem();
    }
}
