package io.aclens.diff.repository;

import static io.aclens.support.persistence.Timestamps.instant;
import static io.aclens.support.persistence.Timestamps.utc;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.EffectiveChange;
import io.aclens.contracts.DirectorySnapshotCommitted;
import io.aclens.contracts.EffectiveAccessChanged;
import io.aclens.contracts.api.DirectoryChangeSetView;
import io.aclens.contracts.api.EffectiveChangeView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Effective changes, stored set-based and exactly once per trigger, and read back as events and views. */
@ApplicationScoped
public class EffectiveChangeStore {
    private static final String COLUMNS = """
            change_id, trigger, client_id, source_id, path, user_sid, login, full_name, kind, before_level, after_level, cause, detail, detected_at""";

    private final Pool pool;

    public EffectiveChangeStore(Pool pool) {
        this.pool = pool;
    }

    public static String snapshotTrigger(long snapshotId) {
        return "snapshot-" + snapshotId;
    }

    public static String directoryTrigger(long directorySnapshotId) {
        return "directory-snapshot-" + directorySnapshotId;
    }

    /** Inserts within the caller's transaction; people are named as {@code directory} knows them. */
    Uni<Void> insert(SqlConnection conn, String trigger, String clientId, Instant detectedAt, List<EffectiveChange> changes,
                     DirectoryState directory) {
        int n = changes.size();
        if (n == 0) {
            return Uni.createFrom().voidItem();
        }
        String[][] columns = new String[10][n];
        for (int i = 0; i < n; i++) {
            EffectiveChange change = changes.get(i);
            Optional<DirectoryEntry> user = directory.entry(change.userSid());
            columns[0][i] = change.sourceId();
            columns[1][i] = change.path();
            columns[2][i] = change.userSid();
            columns[3][i] = user.map(DirectoryEntry::name).orElse(null);
            columns[4][i] = user.map(DirectoryEntry::fullName).orElse(null);
            columns[5][i] = change.kind().name();
            columns[6][i] = change.before().name();
            columns[7][i] = change.after().name();
            columns[8][i] = change.cause().name();
            columns[9][i] = change.detail();
        }
        Tuple tuple = Tuple.tuple().addValue(trigger).addValue(clientId).addValue(utc(detectedAt));
        for (int c = 0; c < columns.length; c++) {
            tuple.addArrayOfString(columns[c]);
        }
        return conn.preparedQuery("""
                        insert into diff.effective_change (trigger, client_id, detected_at, source_id, path, user_sid, login, full_name,
                                                           kind, before_level, after_level, cause, detail)
                        select $1, $2, $3, s, p, u, l, f, k, b, a, c, d
                        from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                                    $12::text[], $13::text[]) as t(s, p, u, l, f, k, b, a, c, d)
                        on conflict do nothing""")
                .execute(tuple).replaceWithVoid();
    }

    public Uni<Boolean> hasDirectoryChangeSet(long directorySnapshotId) {
        return pool.preparedQuery("select 1 from diff.directory_change_set where directory_snapshot_id = $1")
                .execute(Tuple.of(directorySnapshotId)).map(rows -> rows.size() > 0);
    }

    public Uni<Void> storeDirectoryChanges(DirectorySnapshotCommitted snapshot, List<EffectiveChange> changes, DirectoryState names) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into diff.directory_change_set (directory_snapshot_id, previous_directory_snapshot_id, client_id,
                                                                       directory_id, change_count, baseline, computed_at)
                                values ($1, $2, $3, $4, $5, $6, now()) on conflict (directory_snapshot_id) do nothing""")
                .execute(Tuple.tuple().addValue(snapshot.directorySnapshotId()).addValue(snapshot.previousDirectorySnapshotId())
                        .addValue(snapshot.clientId()).addValue(snapshot.directoryId()).addValue((long) changes.size())
                        .addValue(snapshot.previousDirectorySnapshotId() == null))
                .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : insert(conn, directoryTrigger(snapshot.directorySnapshotId()), snapshot.clientId(), snapshot.committedAt(), changes, names)));
    }

    public Uni<Optional<DirectoryChangeSetView>> directoryChangeSet(long directorySnapshotId) {
        return pool.preparedQuery("""
                        select directory_snapshot_id, previous_directory_snapshot_id, client_id, directory_id, change_count, baseline, computed_at
                        from diff.directory_change_set where directory_snapshot_id = $1""")
                .execute(Tuple.of(directorySnapshotId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new DirectoryChangeSetView(row.getLong("directory_snapshot_id"), row.getLong("previous_directory_snapshot_id"),
                            row.getString("client_id"), row.getString("directory_id"), row.getLong("change_count"), row.getBoolean("baseline"),
                            instant(row.getOffsetDateTime("computed_at"))));
                });
    }

    /** The stored changes of one trigger as events; ids come from the stored rows, so a republication repeats them. */
    public Uni<List<EffectiveAccessChanged>> events(String trigger) {
        return pool.preparedQuery("select " + COLUMNS + " from diff.effective_change where trigger = $1 order by change_id")
                .execute(Tuple.of(trigger))
                .map(rows -> {
                    List<EffectiveAccessChanged> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        EffectiveChangeView v = view(row);
                        events.add(new EffectiveAccessChanged("effective-change-" + v.changeId(), v.trigger(), v.clientId(), v.sourceId(),
                                v.path(), v.userSid(), v.login(), v.fullName(), v.kind(), v.before(), v.after(), v.cause(), v.detail(),
                                v.detectedAt()));
                    }
                    return events;
                });
    }

    /** A client's effective changes in [from, to), optionally of one person (SID or login), oldest first. */
    public Uni<List<EffectiveChangeView>> changes(String clientId, Instant from, Instant to, String user) {
        return pool.preparedQuery("select " + COLUMNS + """
                         from diff.effective_change
                        where client_id = $1 and detected_at >= $2 and detected_at < $3
                          and ($4::text is null or user_sid = $4 or lower(login) = lower($4))
                        order by detected_at, change_id limit 100000""")
                .execute(Tuple.of(clientId, utc(from), utc(to), user))
                .map(rows -> {
                    List<EffectiveChangeView> views = new ArrayList<>(rows.size());
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
    }

    private static EffectiveChangeView view(Row row) {
        return new EffectiveChangeView(row.getLong("change_id"), row.getString("trigger"), row.getString("client_id"), row.getString("source_id"),
                row.getString("path"), row.getString("user_sid"), row.getString("login"), row.getString("full_name"),
                ChangeKind.valueOf(row.getString("kind")), Level.valueOf(row.getString("before_level")), Level.valueOf(row.getString("after_level")),
                ChangeCause.valueOf(row.getString("cause")), row.getString("detail"), instant(row.getOffsetDateTime("detected_at")));
    }
}
