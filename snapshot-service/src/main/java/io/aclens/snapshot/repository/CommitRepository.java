package io.aclens.snapshot.repository;

import static io.aclens.support.persistence.Timestamps.instant;
import static io.aclens.support.persistence.Timestamps.utc;

import io.aclens.access.Principal;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.snapshot.service.CommitOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a completed scan into the source's next snapshot in one transaction, set-based: rows of folders that
 * changed or vanished are closed, rows for new states are opened, unchanged folders are not touched.
 */
@ApplicationScoped
public class CommitRepository {
    /** Below a folder that could not be listed, a folder not seen has not gone: it keeps its state. Parameter $2: the scan. */
    private static final String AND_NOT_BELOW_A_FOLDER_NOT_LISTED = """
            and not exists (select 1 from snapshot.staged_folder nl
                    where nl.scan_id = $2 and nl.child_prefix is not null
                      and starts_with(f.path, nl.child_prefix)
                      and not exists (select 1 from snapshot.staged_folder seen
                                      where seen.scan_id = $2 and seen.path_key = f.path_key))""";

    private final Pool pool;

    public CommitRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<CommitOutcome> commit(ScanCompleted completed) {
        return pool.withTransaction(conn -> lockSource(conn, completed.clientId(), completed.sourceId())
                .chain(() -> conn.preparedQuery("select status, client_id, source_id, in_place_snapshot_id from snapshot.scan where scan_id = $1 for update")
                        .execute(Tuple.of(completed.scanId())))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(new CommitOutcome.UnknownScan());
                    }
                    Row scan = rows.iterator().next();
                    if (!completed.clientId().equals(scan.getString("client_id")) || !completed.sourceId().equals(scan.getString("source_id"))) {
                        return Uni.createFrom().item(new CommitOutcome.UnknownScan()); // a completion never crosses clients or sources
                    }
                    String status = scan.getString("status");
                    return switch (status) {
                        case "STAGING" -> commitStaged(conn, completed, scan.getLong("in_place_snapshot_id"));
                        case "COMMITTED" -> existing(conn, completed.scanId()).map(e -> new CommitOutcome.Committed(e, true, false));
                        default -> Uni.createFrom().item(new CommitOutcome.NotCommitted("scan is already " + status));
                    };
                }));
    }

    /**
     * One commit per client's source at a time, whichever replica holds the scan's partition; a scan's start takes it too,
     * to decide whether it may write in place.
     */
    static Uni<Void> lockSource(SqlConnection conn, String clientId, String sourceId) {
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1), hashtext($2))").execute(Tuple.of(clientId, sourceId))
                .replaceWithVoid();
    }

    /** @param inPlace the snapshot id a first scan reserved and wrote its folders under, or {@code null} when it staged them */
    private Uni<CommitOutcome> commitStaged(SqlConnection conn, ScanCompleted completed, Long inPlace) {
        return conn.preparedQuery("""
                        select (select count(*) from snapshot.staged_folder where scan_id = $1)
                               + (select count(*) from snapshot.folder_state
                                  where client_id = $2 and source_id = $3 and valid_from = $4 and $4 is not null),
                               (select count(*) from snapshot.staged_removal where scan_id = $1),
                               (select max(snapshot_id) from snapshot.snapshot where client_id = $2 and source_id = $3)""")
                .execute(Tuple.of(completed.scanId(), completed.clientId(), completed.sourceId(), inPlace))
                .map(rows -> rows.iterator().next())
                .chain(counts -> {
                    long staged = counts.getLong(0);
                    long removed = counts.getLong(1);
                    Long latest = counts.getLong(2);
                    if (staged != completed.sentFolders()) {
                        return incomplete(conn, completed, "expected " + completed.sentFolders() + " folders, received " + staged);
                    }
                    if (removed != completed.removedFolders()) {
                        return incomplete(conn, completed, "expected " + completed.removedFolders() + " folders gone, received " + removed);
                    }
                    Long baseline = completed.baselineSnapshotId();
                    if (baseline != null && !baseline.equals(latest)) {
                        // what it left unsent is the baseline's, no longer the source's state: the next scan compares anew
                        return incomplete(conn, completed, "sent only what changed since snapshot " + baseline + ", but the source is at snapshot "
                                + latest + " now");
                    }
                    return createSnapshot(conn, completed, inPlace);
                });
    }

    private Uni<CommitOutcome> incomplete(SqlConnection conn, ScanCompleted completed, String reason) {
        return conn.preparedQuery("""
                        update snapshot.scan set status = 'INCOMPLETE', reason = $2, completed_at = $3, expected_folders = $4,
                            baseline_snapshot_id = $5, unchanged_folders = $6
                        where scan_id = $1""")
                .execute(Tuple.tuple().addValue(completed.scanId()).addValue(reason).addValue(utc(completed.completedAt()))
                        .addValue(completed.folderCount()).addValue(completed.baselineSnapshotId()).addValue(completed.unchangedFolders()))
                .chain(() -> StagingRepository.drop(conn, completed.scanId()))
                .replaceWith(new CommitOutcome.NotCommitted(reason));
    }

    private Uni<CommitOutcome> createSnapshot(SqlConnection conn, ScanCompleted completed, Long inPlace) {
        String source = completed.sourceId();
        // Staged rows were just bulk-loaded and have no statistics yet: left to itself the planner may pick a
        // nested loop for the anti-joins below (rows x rows). Both are hash joins by nature, so say so.
        return supersedeFirstScansInPlace(conn, completed)
                .chain(() -> conn.query("set local enable_nestloop = off").execute())
                .chain(() -> conn.query("set local work_mem = '128MB'").execute())
                .chain(() -> conn.preparedQuery("""
                        insert into snapshot.snapshot (snapshot_id, client_id, source_id, scan_id, root, previous_snapshot_id, folder_count,
                                                       error_count, scan_completed_at, committed_at, server)
                        select coalesce($8, nextval(pg_get_serial_sequence('snapshot.snapshot', 'snapshot_id'))), $1, $2, $3, s.root,
                               (select max(snapshot_id) from snapshot.snapshot where client_id = $1 and source_id = $2),
                               $4, $5, $6, now(), $7
                        from snapshot.scan s where s.scan_id = $3
                        returning snapshot_id""")
                .execute(Tuple.tuple().addValue(completed.clientId()).addValue(source).addValue(completed.scanId())
                        .addValue(completed.folderCount()).addValue(completed.errorCount()).addValue(utc(completed.completedAt()))
                        .addValue(json(completed.server())).addValue(inPlace)))
                .map(rows -> rows.iterator().next().getLong(0))
                .call(snapshotId -> inPlace != null ? Uni.createFrom().voidItem() // its folders are in place, and nothing was before them
                        : completed.baselineSnapshotId() == null ? closeUnseenOrChanged(conn, completed, snapshotId)
                        : closeChangedAndRemoved(conn, completed, snapshotId))
                .call(snapshotId -> inPlace != null ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                                insert into snapshot.folder_state (client_id, source_id, path, path_key, depth, owner_sid, group_sid,
                                    inheritance_protected, acl_hash, read_error, state_hash, sddl, valid_from, valid_to)
                                select $1, $2, s.path, s.path_key, s.depth, s.owner_sid, s.group_sid, s.inheritance_protected, s.acl_hash,
                                       s.read_error, s.state_hash, s.sddl, $4, null
                                from snapshot.staged_folder s
                                where s.scan_id = $3
                                  and not exists (select 1 from snapshot.folder_state f
                                                  where f.client_id = $1 and f.source_id = $2 and f.path_key = s.path_key
                                                    and f.valid_to is null)""")
                        .execute(Tuple.of(completed.clientId(), source, completed.scanId(), snapshotId)))
                .call(() -> StagingRepository.drop(conn, completed.scanId()))
                .call(() -> savePrincipals(conn, completed.clientId(), completed.principals()))
                .call(snapshotId -> conn.preparedQuery("""
                                update snapshot.scan set status = 'COMMITTED', snapshot_id = $2, completed_at = $3,
                                    expected_folders = $4, error_count = $5, unreadable = $6, duration_ms = $7, last_event_at = now(),
                                    baseline_snapshot_id = $8, unchanged_folders = $9
                                where scan_id = $1""")
                        .execute(Tuple.tuple().addValue(completed.scanId()).addValue(snapshotId).addValue(utc(completed.completedAt()))
                                .addValue(completed.folderCount()).addValue(completed.errorCount())
                                .addValue(json(completed.unreadableFolders())).addValue(completed.durationMillis())
                                .addValue(completed.baselineSnapshotId()).addValue(completed.unchangedFolders())))
                .chain(() -> existing(conn, completed.scanId()))
                .map(event -> new CommitOutcome.Committed(event, false, inPlace != null));
    }

    /**
     * A first scan of the source still writing its folders in place (it started when the source had no snapshot) would
     * find this commit's rows where it expects none: it ends incomplete and its folders go, before any row of this commit
     * is written. Its next batch waits for this transaction and then finds it no longer staging.
     */
    private static Uni<Void> supersedeFirstScansInPlace(SqlConnection conn, ScanCompleted completed) {
        return conn.preparedQuery("""
                        update snapshot.scan set status = 'INCOMPLETE', completed_at = now(),
                            reason = 'scan ' || $3 || ' of the source committed before this first scan did'
                        where client_id = $1 and source_id = $2 and status = 'STAGING' and in_place_snapshot_id is not null
                          and scan_id <> $3
                        returning scan_id""")
                .execute(Tuple.of(completed.clientId(), completed.sourceId(), completed.scanId()))
                .chain(rows -> {
                    List<String> superseded = new ArrayList<>();
                    rows.forEach(row -> superseded.add(row.getString(0)));
                    return superseded.isEmpty() ? Uni.createFrom().voidItem() : StagingRepository.drop(conn, superseded.toArray(String[]::new));
                });
    }

    /** A whole scan: every current row the scan did not see in the same state is closed. */
    private static Uni<Void> closeUnseenOrChanged(SqlConnection conn, ScanCompleted completed, long snapshotId) {
        return conn.preparedQuery("""
                        update snapshot.folder_state f set valid_to = $3
                        where f.client_id = $4 and f.source_id = $1 and f.valid_to is null
                          and not exists (select 1 from snapshot.staged_folder s
                                          where s.scan_id = $2 and s.path_key = f.path_key and s.state_hash = f.state_hash)
                        """ + AND_NOT_BELOW_A_FOLDER_NOT_LISTED)
                .execute(Tuple.of(completed.sourceId(), completed.scanId(), snapshotId, completed.clientId())).replaceWithVoid();
    }

    /**
     * A scan against the source's latest snapshot (checked before): rows of folders sent in another state are closed,
     * and rows whose fingerprint the scan named as gone; what it did not send stays as it is.
     */
    private static Uni<Void> closeChangedAndRemoved(SqlConnection conn, ScanCompleted completed, long snapshotId) {
        Tuple keys = Tuple.of(completed.sourceId(), completed.scanId(), snapshotId, completed.clientId());
        Uni<Void> changed = conn.preparedQuery("""
                        update snapshot.folder_state f set valid_to = $3
                        from snapshot.staged_folder s
                        where s.scan_id = $2 and f.client_id = $4 and f.source_id = $1 and f.path_key = s.path_key and f.valid_to is null
                          and f.state_hash <> s.state_hash""")
                .execute(keys).replaceWithVoid();
        if (completed.removedFolders() == 0) {
            return changed;
        }
        return changed.chain(() -> conn.preparedQuery("""
                        update snapshot.folder_state f set valid_to = $3
                        where f.client_id = $4 and f.source_id = $1 and f.valid_to is null
                          and snapshot.folder_fingerprint(f.path, f.state_hash) in (select r.fingerprint from snapshot.staged_removal r
                                                                                   where r.scan_id = $2)
                        """ + AND_NOT_BELOW_A_FOLDER_NOT_LISTED)
                .execute(keys).replaceWithVoid());
    }

    /**
     * The names a scan's chunk of principals carries, kept per client at once: a SID's name is a fact about the client's
     * accounts whether or not that scan is committed.
     */
    public Uni<Void> savePrincipals(String clientId, List<Principal> principals) {
        return pool.withTransaction(conn -> savePrincipals(conn, clientId, principals));
    }

    private static Uni<Void> savePrincipals(SqlConnection conn, String clientId, List<Principal> principals) {
        if (principals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = principals.size();
        String[] sids = new String[n];
        String[] names = new String[n];
        String[] fullNames = new String[n];
        String[] kinds = new String[n];
        for (int i = 0; i < n; i++) {
            Principal p = principals.get(i);
            sids[i] = p.sid();
            names[i] = p.name();
            fullNames[i] = p.fullName();
            kinds[i] = p.kind().name();
        }
        return conn.preparedQuery("""
                        insert into snapshot.principal (client_id, sid, name, full_name, kind, updated_at)
                        select distinct on (sid) $1, sid, name, full_name, kind, now()
                        from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as t(sid, name, full_name, kind)
                        on conflict (client_id, sid) do update
                        set name = excluded.name, full_name = excluded.full_name, kind = excluded.kind, updated_at = now()""")
                .execute(Tuple.of(clientId, sids, names, fullNames, kinds)).replaceWithVoid();
    }

    private Uni<SnapshotCommitted> existing(SqlConnection conn, String scanId) {
        return conn.preparedQuery("""
                        select snapshot_id, previous_snapshot_id, scan_id, client_id, source_id, root, folder_count,
                               scan_completed_at, committed_at
                        from snapshot.snapshot where scan_id = $1""")
                .execute(Tuple.of(scanId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long snapshotId = row.getLong("snapshot_id");
                    return new SnapshotCommitted(SnapshotCommitted.eventIdFor(snapshotId), snapshotId, row.getLong("previous_snapshot_id"),
                            row.getString("scan_id"), row.getString("client_id"), row.getString("source_id"), row.getString("root"),
                            row.getLong("folder_count"), instant(row.getOffsetDateTime("scan_completed_at")),
                            instant(row.getOffsetDateTime("committed_at")));
                });
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
