package io.aclens.diff.repository;

import static io.aclens.support.persistence.Timestamps.instant;
import static io.aclens.support.persistence.Timestamps.utc;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.EffectiveChange;
import io.aclens.contracts.AccessChanged;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.diff.service.DetectedChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Stores a snapshot's change set and its changes in one transaction, set-based, exactly once. */
@ApplicationScoped
public class ChangeStore {
    private final Pool pool;
    private final EffectiveChangeStore effective;

    public ChangeStore(Pool pool, EffectiveChangeStore effective) {
        this.pool = pool;
        this.effective = effective;
    }

    public Uni<Boolean> hasChangeSet(long snapshotId) {
        return pool.preparedQuery("select 1 from diff.change_set where snapshot_id = $1").execute(Tuple.of(snapshotId))
                .map(rows -> rows.size() > 0);
    }

    /** The snapshot's ACL-level changes and, with the same transaction and guard, its effective changes. */
    public Uni<Void> store(SnapshotCommitted snapshot, List<DetectedChange> changes, List<EffectiveChange> effectiveChanges,
                           DirectoryState directory) {
        Instant detectedAt = snapshot.scanCompletedAt() != null ? snapshot.scanCompletedAt() : snapshot.committedAt();
        int n = changes.size();
        String[] paths = new String[n];
        String[] kinds = new String[n];
        String[] sids = new String[n];
        String[] names = new String[n];
        String[] before = new String[n];
        String[] after = new String[n];
        String[] causes = new String[n];
        for (int i = 0; i < n; i++) {
            DetectedChange detected = changes.get(i);
            paths[i] = detected.change().path();
            kinds[i] = detected.change().kind().name();
            sids[i] = detected.change().sid();
            names[i] = detected.principalName();
            before[i] = detected.change().before() == null ? null : detected.change().before().name();
            after[i] = detected.change().after() == null ? null : detected.change().after().name();
            causes[i] = detected.change().cause().name();
        }
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into diff.change_set (snapshot_id, previous_snapshot_id, client_id, source_id, change_count,
                                                             baseline, scan_completed_at, computed_at)
                                values ($1, $2, $3, $4, $5, $6, $7, now()) on conflict (snapshot_id) do nothing""")
                        .execute(Tuple.tuple().addValue(snapshot.snapshotId()).addValue(snapshot.previousSnapshotId())
                                .addValue(snapshot.clientId()).addValue(snapshot.sourceId()).addValue((long) n)
                                .addValue(snapshot.previousSnapshotId() == null).addValue(utc(snapshot.scanCompletedAt())))
                        .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : effective.insert(conn, EffectiveChangeStore.snapshotTrigger(snapshot.snapshotId()), snapshot.clientId(),
                                        detectedAt, effectiveChanges, directory).chain(() -> n == 0 ? Uni.createFrom().voidItem()
                                : conn.preparedQuery("""
                                                insert into diff.access_change (snapshot_id, client_id, source_id, path, kind,
                                                    principal_sid, principal_name, before_level, after_level, cause, detected_at)
                                                select $1, $2, $3, p, k, s, nm, b, a, c, $4
                                                from unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
                                                     as t(p, k, s, nm, b, a, c)""")
                                        .execute(Tuple.tuple().addValue(snapshot.snapshotId()).addValue(snapshot.clientId())
                                                .addValue(snapshot.sourceId()).addValue(utc(detectedAt))
                                                .addArrayOfString(paths).addArrayOfString(kinds).addArrayOfString(sids)
                                                .addArrayOfString(names).addArrayOfString(before).addArrayOfString(after)
                                                .addArrayOfString(causes))
                                        .replaceWithVoid())));
    }

    /** The stored changes of a snapshot as events; their ids come from the stored rows, so they never change. */
    public Uni<List<AccessChanged>> changeEvents(long snapshotId) {
        return pool.preparedQuery("""
                        select change_id, snapshot_id, client_id, source_id, path, kind, principal_sid, principal_name,
                               before_level, after_level, cause, detected_at
                        from diff.access_change where snapshot_id = $1 order by change_id""")
                .execute(Tuple.of(snapshotId))
                .map(rows -> {
                    List<AccessChanged> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new AccessChanged("access-change-" + row.getLong("change_id"), row.getLong("snapshot_id"),
                                row.getString("client_id"), row.getString("source_id"), row.getString("path"),
                                ChangeKind.valueOf(row.getString("kind")), row.getString("principal_sid"), row.getString("principal_name"),
                                level(row.getString("before_level")), level(row.getString("after_level")),
                                ChangeCause.valueOf(row.getString("cause")), row.getOffsetDateTime("detected_at").toInstant()));
                    }
                    return events;
                });
    }

    public Uni<ChangeSetCompleted> changeSetEvent(long snapshotId) {
        return pool.preparedQuery("""
                        select snapshot_id, previous_snapshot_id, client_id, source_id, change_count, baseline, scan_completed_at, computed_at
                        from diff.change_set where snapshot_id = $1""")
                .execute(Tuple.of(snapshotId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ChangeSetCompleted(ChangeSetCompleted.eventIdFor(snapshotId), snapshotId, row.getLong("previous_snapshot_id"),
                            row.getString("client_id"), row.getString("source_id"), row.getLong("change_count"), row.getBoolean("baseline"),
                            instant(row.getOffsetDateTime("scan_completed_at")), instant(row.getOffsetDateTime("computed_at")));
                });
    }

    private static Level level(String name) {
        return name == null ? null : Level.valueOf(name);
    }
}
