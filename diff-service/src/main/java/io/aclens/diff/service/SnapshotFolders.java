package io.aclens.diff.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aclens.access.Ace;
import io.aclens.access.effective.EffectiveChanges.FolderAcl;
import io.aclens.contracts.api.FolderDelta;
import io.aclens.contracts.api.FolderRef;
import io.aclens.contracts.api.SnapshotReadApi;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.diff.client.SnapshotServiceClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The diff service's read model: each snapshot's readable folders as the effective-access engine takes them. A snapshot
 * never changes, so they are kept (bounded by folders, least recently used out first) and a directory change does not
 * page every folder of the client from the snapshot service again. A snapshot whose predecessor is held is built from it
 * and their delta when its changes are diffed, without reading the snapshot at all. Folders with the same ACL share one
 * DACL list.
 */
@ApplicationScoped
public class SnapshotFolders {
    private static final int FOLDER_PAGE = SnapshotReadApi.MAX_PAGE;

    private final SnapshotServiceClient snapshots;
    private final MeterRegistry registry;
    private final Cache<Long, List<FolderAcl>> held;

    public SnapshotFolders(@RestClient SnapshotServiceClient snapshots, MeterRegistry registry,
                           @ConfigProperty(name = "aclens.diff.read-model.max-folders") long maxFolders) {
        this.snapshots = snapshots;
        this.registry = registry;
        this.held = Caffeine.newBuilder().maximumWeight(maxFolders)
                .weigher((Long snapshotId, List<FolderAcl> folders) -> folders.size() + 1).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, held, "aclens_read_model");
    }

    /** The snapshot's readable folders: from memory, or read from the snapshot service once. */
    public Uni<List<FolderAcl>> of(SnapshotView snapshot) {
        List<FolderAcl> folders = held.getIfPresent(snapshot.snapshotId());
        if (folders != null) {
            return Uni.createFrom().item(folders);
        }
        // the snapshot's few distinct DACLs once, then its folders naming them: a fraction of the bytes of whole folder views
        return snapshots.acls(snapshot.snapshotId()).chain(dacls -> page(snapshot, "", new ArrayList<>(), dacls)).invoke(read -> {
            registry.counter("aclens_read_model_loads_total", "client", snapshot.clientId()).increment();
            held.put(snapshot.snapshotId(), read);
        });
    }

    /**
     * Holds the folders of {@code snapshotId} if its predecessor's are held: the predecessor's with the delta applied
     * (changed folders in place, removed and unreadable ones out, new ones at the end).
     */
    public void advance(long previousSnapshotId, long snapshotId, String sourceId, List<FolderDelta> deltas) {
        List<FolderAcl> previous = held.getIfPresent(previousSnapshotId);
        if (previous == null) {
            return;
        }
        java.util.Set<String> removed = new java.util.HashSet<>();
        Map<String, FolderAcl> changed = new LinkedHashMap<>();
        for (FolderDelta delta : deltas) {
            if (delta.before() != null) {
                removed.add(delta.before().path());
            }
            if (delta.after() != null && delta.after().readError() == null) {
                changed.put(delta.after().path(), new FolderAcl(sourceId, delta.after().path(), delta.after().ownerSid(), delta.after().dacl()));
            }
        }
        List<FolderAcl> folders = new ArrayList<>(previous.size() + changed.size());
        for (FolderAcl folder : previous) {
            FolderAcl now = changed.remove(folder.path());
            if (now != null) {
                folders.add(now);
            } else if (!removed.contains(folder.path())) {
                folders.add(folder);
            }
        }
        folders.addAll(changed.values());
        held.put(snapshotId, List.copyOf(folders));
    }

    private Uni<List<FolderAcl>> page(SnapshotView snapshot, String after, List<FolderAcl> collected, Map<String, List<Ace>> dacls) {
        return snapshots.folderRefs(snapshot.snapshotId(), after, FOLDER_PAGE).chain(page -> {
            for (FolderRef folder : page.items()) {
                if (folder.readError() == null) {
                    collected.add(new FolderAcl(snapshot.sourceId(), folder.path(), folder.ownerSid(), folder.daclIn(dacls, snapshot.snapshotId())));
                }
            }
            return page.next() == null ? Uni.createFrom().item(List.copyOf(collected)) : page(snapshot, page.next(), collected, dacls);
        });
    }
}
