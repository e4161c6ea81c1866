package io.aclens.snapshot.repository;

import io.aclens.snapshot.model.SnapshotEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class SnapshotRepository implements PanacheRepositoryBase<SnapshotEntity, Long> {

    /**
     * Newest commit first. Within a source, ids follow commits; across sources they need not: a source's first scan
     * reserves its id when it starts (it writes its folders in place), and other sources may commit before it does.
     */
    public Uni<List<SnapshotEntity>> listForClient(String clientId, String sourceId) {
        Sort newestFirst = Sort.descending("committedAt", "snapshotId");
        return sourceId == null
                ? list("clientId", newestFirst, clientId)
                : list("clientId = ?1 and sourceId = ?2", newestFirst, clientId, sourceId);
    }

    /** The source's snapshot that was current at {@code time}: the last one committed at or before it. */
    public Uni<SnapshotEntity> currentAt(String clientId, String sourceId, Instant time) {
        return find("clientId = ?1 and sourceId = ?2 and committedAt <= ?3", Sort.descending("snapshotId"),
                clientId, sourceId, time.atOffset(ZoneOffset.UTC)).firstResult();
    }
}
