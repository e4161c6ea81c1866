package io.aclens.report.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which snapshot of each source a report shows — the latest one whose changes are known — and which snapshot of each
 * directory has been diffed: together, the version of a client's state.
 */
@ApplicationScoped
public class SourceStateRepository {
    private final Pool pool;

    public SourceStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Moves a source forward to a newer snapshot; an older or repeated event changes nothing. */
    public Uni<Void> advance(String clientId, String sourceId, long snapshotId) {
        return pool.preparedQuery("""
                        insert into report.source_state (client_id, source_id, latest_snapshot_id, updated_at)
                        values ($1, $2, $3, now())
                        on conflict (client_id, source_id) do update
                        set latest_snapshot_id = excluded.latest_snapshot_id, updated_at = now()
                        where report.source_state.latest_snapshot_id < excluded.latest_snapshot_id""")
                .execute(Tuple.of(clientId, sourceId, snapshotId)).replaceWithVoid();
    }

    /** Moves a directory forward to a newer snapshot; an older or repeated event changes nothing. */
    public Uni<Void> advanceDirectory(String clientId, String directoryId, long directorySnapshotId) {
        return pool.preparedQuery("""
                        insert into report.directory_state (client_id, directory_id, latest_directory_snapshot_id, updated_at)
                        values ($1, $2, $3, now())
                        on conflict (client_id, directory_id) do update
                        set latest_directory_snapshot_id = excluded.latest_directory_snapshot_id, updated_at = now()
                        where report.directory_state.latest_directory_snapshot_id < excluded.latest_directory_snapshot_id""")
                .execute(Tuple.of(clientId, directoryId, directorySnapshotId)).replaceWithVoid();
    }

    /** The snapshots a client's state is made of: one indexed read, asked before every answer from memory. */
    public Uni<ClientVersion> version(String clientId) {
        return pool.preparedQuery("""
                        select 'source', source_id, latest_snapshot_id from report.source_state where client_id = $1
                        union all
                        select 'directory', directory_id, latest_directory_snapshot_id from report.directory_state where client_id = $1""")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    Map<String, Long> snapshots = new java.util.TreeMap<>();
                    Map<String, Long> directories = new java.util.TreeMap<>();
                    for (Row row : rows) {
                        (row.getString(0).equals("source") ? snapshots : directories).put(row.getString(1), row.getLong(2));
                    }
                    return new ClientVersion(snapshots, directories);
                });
    }

    /** Source id to latest snapshot id, in source order. */
    public Uni<Map<String, Long>> latestSnapshots(String clientId) {
        return pool.preparedQuery("select source_id, latest_snapshot_id from report.source_state where client_id = $1 order by source_id")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    Map<String, Long> latest = new LinkedHashMap<>();
                    for (Row row : rows) {
                        latest.put(row.getString(0), row.getLong(1));
                    }
                    return latest;
                });
    }

    public Uni<List<String>> clients() {
        return pool.query("select distinct client_id from report.source_state order by client_id").execute()
                .map(rows -> {
                    List<String> clients = new ArrayList<>();
                    rows.forEach(row -> clients.add(row.getString(0)));
                    return clients;
                });
    }
}
