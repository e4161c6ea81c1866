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

    public Uni<List<SnapshotEntity>> listForClient(String clientId, String sourceId) {
        return sourceId == null
                ? list("clientId", Sort.descending("snapshotId"), clientId)
                : list("clientId = ?1 and sourceId = ?2", Sort.descending("snapshotId"), clientId, sourceId);
    }

    /** The source's snapshot that was current at {@code time}: the last one committed at or before it. */
    public Uni<SnapshotEntity> currentAt(String clientId, String sourceId, Instant time) {
        return find("clientId = ?1 and sourceId = ?2 and committedAt <= ?3", Sort.descending("snapshotId"),
                clientId, sourceId, time.atOffset(ZoneOffset.UTC)).firstResult();
    }
}
