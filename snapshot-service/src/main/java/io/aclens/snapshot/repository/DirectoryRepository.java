package io.aclens.snapshot.repository;

import static io.aclens.support.persistence.Timestamps.instant;
import static io.aclens.support.persistence.Timestamps.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.DirectoryEntriesCollected;
import io.aclens.contracts.DirectorySnapshotCommitted;
import io.aclens.contracts.DirectorySyncCompleted;
import io.aclens.contracts.DirectorySyncStarted;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.DirectorySnapshotView;
import io.aclens.contracts.api.DirectorySyncView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Directory syncs: staged chunk by chunk (idempotently), committed in one transaction with validity
 * intervals, and read back as the state of a directory snapshot or a client's current directory.
 */
@ApplicationScoped
public class DirectoryRepository {
    private static final String SNAPSHOT_COLUMNS = """
            directory_snapshot_id, previous_directory_snapshot_id, client_id, directory_id, sync_id, entry_count, committed_at""";

    private final Pool pool;

    public DirectoryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> start(DirectorySyncStarted started) {
        return pool.preparedQuery("""
                        insert into snapshot.directory_sync (sync_id, client_id, directory_id, kind, status, started_at, last_event_at)
                        values ($1, $2, $3, $4, 'STAGING', $5, now()) on conflict (sync_id) do nothing""")
                .execute(Tuple.of(started.syncId(), started.clientId(), started.directoryId(), started.kind(), utc(started.startedAt())))
                .replaceWithVoid();
    }

    public Uni<Void> stage(DirectoryEntriesCollected chunk) {
        int n = chunk.entries().size();
        String[] sids = new String[n];
        String[] entries = new String[n];
        for (int i = 0; i < n; i++) {
            DirectoryEntry entry = chunk.entries().get(i);
            sids[i] = entry.sid();
            entries[i] = json(entry);
        }
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into snapshot.directory_sync (sync_id, client_id, directory_id, status, last_event_at)
                                values ($1, $2, $3, 'STAGING', now())
                                on conflict (sync_id) do update set last_event_at = now()""")
                        .execute(Tuple.of(chunk.syncId(), chunk.clientId(), chunk.directoryId()))
                        .chain(() -> conn.preparedQuery("""
                                        insert into snapshot.directory_staged_entry (sync_id, sid, entry, entry_hash)
                                        select $1, s, e::jsonb, md5(e::jsonb::text) from unnest($2::text[], $3::text[]) as t(s, e)
                                        on conflict (sync_id, sid) do nothing""")
                                .execute(Tuple.tuple().addValue(chunk.syncId()).addArrayOfString(sids).addArrayOfString(entries))))
                .replaceWithVoid();
    }

    /** What a completion did: committed (now or before), or refused with a reason. */
    public record Outcome(Optional<DirectorySnapshotCommitted> committed, String refusal) {
    }

    public Uni<Outcome> commit(DirectorySyncCompleted completed) {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of(completed.directoryId()))
                .chain(() -> conn.preparedQuery("""
                                insert into snapshot.directory_sync (sync_id, client_id, directory_id, status, last_event_at)
                                values ($1, $2, $3, 'STAGING', now()) on conflict (sync_id) do nothing""")
                        .execute(Tuple.of(completed.syncId(), completed.clientId(), completed.directoryId())))
                .chain(() -> conn.preparedQuery("select status, directory_snapshot_id from snapshot.directory_sync where sync_id = $1")
                        .execute(Tuple.of(completed.syncId())))
                .chain(rows -> {
                    Row sync = rows.size() == 0 ? null : rows.iterator().next();
                    if (sync != null && "COMMITTED".equals(sync.getString("status"))) {
                        return snapshotEvent(conn, sync.getLong("directory_snapshot_id")).map(e -> new Outcome(Optional.of(e), null));
                    }
                    if (sync != null && !"STAGING".equals(sync.getString("status"))) {
                        return Uni.createFrom().item(new Outcome(Optional.empty(), "already " + sync.getString("status")));
                    }
                    return conn.preparedQuery("select count(*) as n from snapshot.directory_staged_entry where sync_id = $1")
                            .execute(Tuple.of(completed.syncId()))
                            .chain(count -> {
                                long staged = count.iterator().next().getLong("n");
                                if (staged != completed.entryCount()) {
                                    String reason = "expected " + completed.entryCount() + " entries, received " + staged;
                                    return endWithoutCommit(conn, completed.syncId(), "INCOMPLETE", reason)
                                            .map(v -> new Outcome(Optional.empty(), reason));
                                }
                                return applyState(conn, completed).map(e -> new Outcome(Optional.of(e), null));
                            });
                }));
    }

    public Uni<Void> fail(String syncId, String reason) {
        return pool.withTransaction(conn -> endWithoutCommit(conn, syncId, "FAILED", reason));
    }

    private Uni<Void> endWithoutCommit(SqlConnection conn, String syncId, String status, String reason) {
        return conn.preparedQuery("""
                        update snapshot.directory_sync set status = $2, reason = $3, last_event_at = now()
                        where sync_id = $1 and status = 'STAGING'""")
                .execute(Tuple.of(syncId, status, reason))
                .chain(() -> conn.preparedQuery("delete from snapshot.directory_staged_entry where sync_id = $1").execute(Tuple.of(syncId)))
                .replaceWithVoid();
    }

    private Uni<DirectorySnapshotCommitted> applyState(SqlConnection conn, DirectorySyncCompleted completed) {
        Tuple sync = Tuple.of(completed.syncId(), completed.directoryId(), completed.clientId());
        return conn.preparedQuery("""
                        insert into snapshot.directory_snapshot (client_id, directory_id, sync_id, previous_directory_snapshot_id, entry_count, committed_at)
                        values ($1, $2, $3, (select max(directory_snapshot_id) from snapshot.directory_snapshot
                                             where client_id = $1 and directory_id = $2), $4, now())
                        returning directory_snapshot_id""")
                .execute(Tuple.of(completed.clientId(), completed.directoryId(), completed.syncId(), completed.entryCount()))
                .map(rows -> rows.iterator().next().getLong("directory_snapshot_id"))
                .call(id -> conn.preparedQuery("""
                                update snapshot.directory_entry e set valid_to = $4
                                where e.client_id = $3 and e.directory_id = $2 and e.valid_to is null
                                  and not exists (select 1 from snapshot.directory_staged_entry s
                                                  where s.sync_id = $1 and s.sid = e.sid and s.entry_hash = e.entry_hash)""")
                        .execute(sync.addLong(id)))
                .call(id -> conn.preparedQuery("""
                                insert into snapshot.directory_entry (client_id, directory_id, sid, entry, entry_hash, valid_from)
                                select $4, $2, s.sid, s.entry, s.entry_hash, $3 from snapshot.directory_staged_entry s
                                where s.sync_id = $1 and not exists (select 1 from snapshot.directory_entry e
                                                                     where e.client_id = $4 and e.directory_id = $2 and e.sid = s.sid
                                                                       and e.valid_to is null)""")
                        .execute(Tuple.of(completed.syncId(), completed.directoryId(), id, completed.clientId())))
                .call(id -> conn.preparedQuery("delete from snapshot.directory_staged_entry where sync_id = $1").execute(Tuple.of(completed.syncId())))
                .call(id -> conn.preparedQuery("""
                                update snapshot.directory_sync set status = 'COMMITTED', entry_count = $2, directory_snapshot_id = $3,
                                       last_event_at = now() where sync_id = $1""")
                        .execute(Tuple.of(completed.syncId(), completed.entryCount(), id)))
                .chain(id -> snapshotEvent(conn, id));
    }

    private Uni<DirectorySnapshotCommitted> snapshotEvent(SqlConnection conn, long id) {
        return conn.preparedQuery("select " + SNAPSHOT_COLUMNS + " from snapshot.directory_snapshot where directory_snapshot_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    DirectorySnapshotView view = snapshotView(rows.iterator().next());
                    return new DirectorySnapshotCommitted(DirectorySnapshotCommitted.eventIdFor(id), id, view.previousDirectorySnapshotId(),
                            view.syncId(), view.clientId(), view.directoryId(), view.entryCount(), view.committedAt());
                });
    }

    public Uni<Optional<DirectorySnapshotView>> snapshot(long id) {
        return pool.preparedQuery("select " + SNAPSHOT_COLUMNS + " from snapshot.directory_snapshot where directory_snapshot_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(snapshotView(rows.iterator().next())));
    }

    public Uni<List<DirectorySnapshotView>> snapshots(String clientId) {
        return pool.preparedQuery("select " + SNAPSHOT_COLUMNS
                        + " from snapshot.directory_snapshot where client_id = $1 order by directory_snapshot_id desc limit 500")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    List<DirectorySnapshotView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(snapshotView(row)));
                    return views;
                });
    }

    /** The entries of the snapshot's directory as that snapshot saw them. */
    public Uni<List<DirectoryEntry>> entriesAt(DirectorySnapshotView snapshot) {
        return pool.preparedQuery("""
                        select entry from snapshot.directory_entry
                        where client_id = $3 and directory_id = $1 and valid_from <= $2 and (valid_to is null or valid_to > $2) order by sid""")
                .execute(Tuple.of(snapshot.directoryId(), snapshot.directorySnapshotId(), snapshot.clientId()))
                .map(DirectoryRepository::entries);
    }

    /** A client's current directory: every directory's current entries, optionally without one of them. */
    public Uni<List<DirectoryEntry>> currentEntries(String clientId, String excludedDirectoryId) {
        return pool.preparedQuery("""
                        select entry from snapshot.directory_entry
                        where client_id = $1 and valid_to is null and directory_id <> coalesce($2, '') order by directory_id, sid""")
                .execute(Tuple.of(clientId, excludedDirectoryId))
                .map(DirectoryRepository::entries);
    }

    public Uni<Optional<DirectorySyncView>> sync(String syncId) {
        return pool.preparedQuery("""
                        select sync_id, client_id, directory_id, status, entry_count, reason, directory_snapshot_id, last_event_at
                        from snapshot.directory_sync where sync_id = $1""")
                .execute(Tuple.of(syncId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new DirectorySyncView(row.getString("sync_id"), row.getString("client_id"), row.getString("directory_id"),
                            row.getString("status"), row.getLong("entry_count"), row.getString("reason"), row.getLong("directory_snapshot_id"),
                            instant(row.getOffsetDateTime("last_event_at"))));
                });
    }

    private static DirectorySnapshotView snapshotView(Row row) {
        return new DirectorySnapshotView(row.getLong("directory_snapshot_id"), row.getLong("previous_directory_snapshot_id"),
                row.getString("client_id"), row.getString("directory_id"), row.getString("sync_id"), row.getLong("entry_count"),
                instant(row.getOffsetDateTime("committed_at")));
    }

    private static List<DirectoryEntry> entries(RowSet<Row> rows) {
        List<DirectoryEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                entries.add(EventCodec.mapper().readValue(row.getJsonObject("entry").encode(), DirectoryEntry.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored directory entry does not read back: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static String json(DirectoryEntry entry) {
        try {
            return EventCodec.mapper().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A directory entry does not serialise: " + e.getMessage(), e);
        }
    }
}
