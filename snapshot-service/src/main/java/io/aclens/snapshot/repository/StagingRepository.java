package io.aclens.snapshot.repository;

import static io.aclens.support.persistence.Timestamps.utc;

import io.aclens.snapshot.service.StagedFolder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Set-based writes of running scans: one statement stages a batch of folders (a large one, two statements at once); a
 * source's first scan writes them in place, into folder_state, under the snapshot id it reserved.
 */
@ApplicationScoped
public class StagingRepository {
    /** Statements a large batch of folders is split into, run at once: measured with PostgreSQL on two cores. */
    static final int PARALLEL_STATEMENTS = 2;
    private static final int MIN_FOLDERS_PER_STATEMENT = 2_000;

    /**
     * Stages a batch of folders, {@code %1$s} where a folder already there would be skipped. One statement either way: the
     * scan's row, held while the folders go in, says where they go; an ending scan (whose rows are dropped under its row's
     * lock) waits for this, and after it this finds the scan no longer staging.
     */
    private static final String STAGE_FOLDERS = """
            with scan as (select client_id, source_id, in_place_snapshot_id from snapshot.scan
                          where scan_id = $1 and status = 'STAGING' for share),
                 folders as (select p, snapshot.path_key(p) as k, d, o, g, pr, a, e, s, sd, cp
                             from unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::bool[], $7::text[], $8::text[],
                                         $9::text[], $10::text[], $11::text[]) as t(p, d, o, g, pr, a, e, s, sd, cp)),
                 in_place as (
                     insert into snapshot.folder_state (client_id, source_id, path, path_key, depth, owner_sid, group_sid,
                         inheritance_protected, acl_hash, read_error, state_hash, sddl, valid_from, valid_to, from_first_snapshot)
                     select scan.client_id, scan.source_id, p, k, d, o, g, pr, a, e, s, sd, scan.in_place_snapshot_id, null, true
                     from folders, scan where scan.in_place_snapshot_id is not null
                     %1$s)
            insert into snapshot.staged_folder
                (scan_id, path, path_key, depth, owner_sid, group_sid, inheritance_protected, acl_hash, read_error, state_hash, sddl,
                 child_prefix)
            select $1, p, k, d, o, g, pr, a, e, s, sd, cp
            from folders, scan where scan.in_place_snapshot_id is null
            %1$s""";
    private static final String STAGE_NEW_FOLDERS = STAGE_FOLDERS.formatted("");
    private static final String STAGE_FOLDERS_SKIPPING_STAGED = STAGE_FOLDERS.formatted("on conflict do nothing");

    private final Pool pool;

    public StagingRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records a scan as staging; a repeated start (redelivery) changes nothing. {@code eventTime} is when the collector sent
     * the start, {@code partition} where its events arrive. The source's first scan, when no other scan of it is staging,
     * reserves its snapshot id and will write its folders in place (see V11); under the lock its commit takes, so a
     * commit of the source cannot slip between the check and the reservation.
     */
    public Uni<Void> startScan(String scanId, String clientId, String sourceId, String root, Instant startedAt, Instant eventTime, int partition) {
        return pool.withTransaction(conn -> CommitRepository.lockSource(conn, clientId, sourceId)
                .chain(() -> conn.preparedQuery("""
                                insert into snapshot.scan (scan_id, client_id, source_id, root, status, started_at, last_event_at, kafka_partition,
                                                           in_place_snapshot_id)
                                select $1, $2, $3, $4, 'STAGING', $5, $6, $7,
                                       case when not exists (select 1 from snapshot.snapshot where client_id = $2 and source_id = $3)
                                                 and not exists (select 1 from snapshot.scan where client_id = $2 and source_id = $3
                                                                                                  and status = 'STAGING')
                                            then nextval(pg_get_serial_sequence('snapshot.snapshot', 'snapshot_id')) end
                                on conflict (scan_id) do nothing""")
                        .execute(Tuple.from(new Object[]{scanId, clientId, sourceId, root, utc(startedAt), utc(eventTime), partition}))))
                .replaceWithVoid();
    }

    /** The collector said the scan goes on, at {@code eventTime} on its clock. */
    public Uni<Void> alive(String scanId, Instant eventTime) {
        return pool.preparedQuery("update snapshot.scan set last_event_at = greatest(last_event_at, $2) where scan_id = $1 and status = 'STAGING'")
                .execute(Tuple.of(scanId, utc(eventTime))).replaceWithVoid();
    }

    /** The scan's status, or {@code null} when no start was seen for it. */
    public Uni<String> status(String scanId) {
        return pool.preparedQuery("select status from snapshot.scan where scan_id = $1").execute(Tuple.of(scanId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    /**
     * Stages folders of a scan that is still staging (a redelivered folder, or one of a scan that already
     * ended, is skipped), stores the DACLs they define, by content hash ({@code acls}: hash → DACL as JSON), and the
     * fingerprints of the baseline's folders the scan did not see ({@code removed}).
     */
    public Uni<Void> stage(String scanId, String clientId, List<StagedFolder> folders, Map<String, String> acls, List<String> removed,
                           Instant eventTime) {
        Uni<Void> storeAcls = acls.isEmpty() ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                        insert into snapshot.acl (client_id, acl_hash, dacl)
                        select $1, h, d::jsonb from unnest($2::text[], $3::text[]) as t(h, d)
                        on conflict do nothing""")
                .execute(Tuple.of(clientId, acls.keySet().toArray(String[]::new), acls.values().toArray(String[]::new)))
                .replaceWithVoid();
        Uni<Void> stageParts = Uni.combine().all().unis(partsOf(folders).stream().map(part -> stageFolders(scanId, part)).toList())
                .discardItems();
        Uni<Void> stageRemovals = removed.isEmpty() ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                        insert into snapshot.staged_removal (scan_id, fingerprint)
                        select $1, r from unnest($2::text[]) as t(r)
                        where exists (select 1 from snapshot.scan where scan_id = $1 and status = 'STAGING')
                        on conflict do nothing""")
                .execute(Tuple.of(scanId, removed.toArray(String[]::new))).replaceWithVoid();
        return storeAcls.chain(() -> folders.isEmpty() ? Uni.createFrom().voidItem() : stageParts).chain(() -> stageRemovals)
                .chain(() -> alive(scanId, eventTime));
    }

    /**
     * A large batch as {@link #PARALLEL_STATEMENTS} statements run at once, so the database's work on it can use more than
     * one core; a path always falls in the same part, so two parts never wait on each other over one key.
     */
    static List<List<StagedFolder>> partsOf(List<StagedFolder> folders) {
        if (folders.size() < PARALLEL_STATEMENTS * MIN_FOLDERS_PER_STATEMENT) {
            return List.of(folders);
        }
        List<List<StagedFolder>> parts = new ArrayList<>();
        for (int i = 0; i < PARALLEL_STATEMENTS; i++) {
            parts.add(new ArrayList<>(folders.size() / PARALLEL_STATEMENTS + 1));
        }
        for (StagedFolder folder : folders) {
            parts.get(Math.floorMod(folder.path().hashCode(), PARALLEL_STATEMENTS)).add(folder);
        }
        return parts;
    }

    private Uni<Void> stageFolders(String scanId, List<StagedFolder> folders) {
        int n = folders.size();
        String[] paths = new String[n];
        Integer[] depths = new Integer[n];
        String[] owners = new String[n];
        String[] groups = new String[n];
        Boolean[] protectedFlags = new Boolean[n];
        String[] aclHashes = new String[n];
        String[] readErrors = new String[n];
        String[] sddls = new String[n];
        String[] stateHashes = new String[n];
        String[] childPrefixes = new String[n];
        for (int i = 0; i < n; i++) {
            StagedFolder folder = folders.get(i);
            paths[i] = folder.path();
            depths[i] = folder.depth();
            owners[i] = folder.ownerSid();
            groups[i] = folder.groupSid();
            protectedFlags[i] = folder.inheritanceProtected();
            aclHashes[i] = folder.aclHash();
            readErrors[i] = folder.readError();
            sddls[i] = folder.sddl();
            stateHashes[i] = folder.stateHash();
            childPrefixes[i] = folder.childPrefix();
        }
        Tuple batch = Tuple.tuple().addValue(scanId).addArrayOfString(paths).addArrayOfInteger(depths)
                .addArrayOfString(owners).addArrayOfString(groups).addArrayOfBoolean(protectedFlags)
                .addArrayOfString(aclHashes).addArrayOfString(readErrors).addArrayOfString(stateHashes)
                .addArrayOfString(sddls).addArrayOfString(childPrefixes);
        // A folder staged twice is rare (a batch redelivered after a crash, or a part of it committed while the other
        // failed), and checking every row for it (on conflict) costs PostgreSQL about a quarter more per folder; so the
        // batch goes in plain, and only when a row is already there is it run again skipping those that are.
        return pool.preparedQuery(STAGE_NEW_FOLDERS).execute(batch)
                .onFailure(DataErrors::isUniqueViolation)
                .recoverWithUni(() -> pool.preparedQuery(STAGE_FOLDERS_SKIPPING_STAGED).execute(batch))
                .replaceWithVoid();
    }

    /** Ends a scan without changing state: its staged folders are dropped. */
    public Uni<Void> endWithoutCommit(String scanId, String status, String reason) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                update snapshot.scan set status = $2, reason = $3, completed_at = now(), last_event_at = now()
                                where scan_id = $1 and status = 'STAGING'""")
                        .execute(Tuple.of(scanId, status, reason))
                        .chain(() -> drop(conn, scanId)))
                .replaceWithVoid();
    }

    /** Drops what a scan staged — its folders and the fingerprints it found gone — once it committed or ended without. */
    static Uni<Void> drop(SqlConnection conn, String scanId) {
        return drop(conn, new String[]{scanId});
    }

    /**
     * Drops what these scans staged, and the folders a first scan wrote in place while its snapshot is not committed (once
     * committed, they are the snapshot's).
     */
    static Uni<Void> drop(SqlConnection conn, String[] scanIds) {
        Tuple scans = Tuple.tuple().addArrayOfString(scanIds);
        return conn.preparedQuery("delete from snapshot.staged_folder where scan_id = any($1)").execute(scans)
                .chain(() -> conn.preparedQuery("delete from snapshot.staged_removal where scan_id = any($1)").execute(scans))
                .chain(() -> conn.preparedQuery("""
                                delete from snapshot.folder_state f using snapshot.scan s
                                where s.scan_id = any($1) and s.in_place_snapshot_id is not null
                                  and f.client_id = s.client_id and f.source_id = s.source_id and f.valid_from = s.in_place_snapshot_id
                                  and not exists (select 1 from snapshot.snapshot c where c.snapshot_id = s.in_place_snapshot_id)""")
                        .execute(scans))
                .replaceWithVoid();
    }

    /**
     * Abandons the scans whose events arrive on {@code partition} and whose collector sent nothing since {@code before}
     * (its clock); returns their ids. Scans staged before partitions were recorded count as on every partition.
     */
    public Uni<List<String>> abandonStale(int partition, Instant before, String reason) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                update snapshot.scan set status = 'ABANDONED', reason = $2, completed_at = now()
                                where status = 'STAGING' and last_event_at < $1 and (kafka_partition = $3 or kafka_partition is null)
                                returning scan_id""")
                        .execute(Tuple.of(utc(before), reason, partition))
                        .map(rows -> {
                            List<String> ids = new java.util.ArrayList<>();
                            for (Row row : rows) {
                                ids.add(row.getString(0));
                            }
                            return ids;
                        })
                        .call(ids -> drop(conn, ids.toArray(String[]::new))));
    }
}
