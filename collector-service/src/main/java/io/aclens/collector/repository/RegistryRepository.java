package io.aclens.collector.repository;

import static io.aclens.support.persistence.Timestamps.instant;
import static io.aclens.support.persistence.Timestamps.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The collector's registry tables: clients, and the sources and directories registered for them. */
@ApplicationScoped
public class RegistryRepository {
    /** The two kinds of registration, stored alike. */
    public enum Kind {
        SOURCE("collector.registered_source", "source_id", "source"),
        DIRECTORY("collector.registered_directory", "directory_id", "directory");

        private final String table;
        private final String idColumn;
        private final String noun;

        Kind(String table, String idColumn, String noun) {
            this.table = table;
            this.idColumn = idColumn;
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }
    }

    /** A client row with how many sources and directories it has. */
    public record StoredClient(String clientId, String displayName, Instant createdAt, int sources, int directories) {
    }

    private final Pool pool;

    public RegistryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insertClient(String clientId, String displayName, Instant createdAt) {
        return pool.preparedQuery("insert into collector.client (client_id, display_name, created_at) values ($1, $2, $3)")
                .execute(Tuple.of(clientId, displayName, utc(createdAt))).replaceWithVoid();
    }

    public Uni<List<StoredClient>> clients() {
        return pool.query("select c.client_id, c.display_name, c.created_at,"
                        + " (select count(*) from collector.registered_source s where s.client_id = c.client_id) as sources,"
                        + " (select count(*) from collector.registered_directory d where d.client_id = c.client_id) as directories"
                        + " from collector.client c order by c.client_id").execute()
                .map(rows -> map(rows, row -> new StoredClient(row.getString("client_id"), row.getString("display_name"),
                        instant(row.getOffsetDateTime("created_at")), row.getLong("sources").intValue(), row.getLong("directories").intValue())));
    }

    public Uni<Boolean> clientExists(String clientId) {
        return pool.preparedQuery("select 1 from collector.client where client_id = $1").execute(Tuple.of(clientId))
                .map(rows -> rows.iterator().hasNext());
    }

    /** Removes the client and its registrations; false when there was no such client. */
    public Uni<Boolean> deleteClient(String clientId) {
        return pool.preparedQuery("delete from collector.client where client_id = $1").execute(Tuple.of(clientId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Adds the registration or replaces the one of that client and name; true when it was new. */
    public Uni<Boolean> upsert(Kind kind, StoredRegistration registration) {
        return pool.preparedQuery("insert into " + kind.table + " (client_id, name, kind, " + kind.idColumn
                        + ", cron, settings, sealed_password, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8)"
                        + " on conflict (client_id, name) do update set kind = excluded.kind, " + kind.idColumn + " = excluded." + kind.idColumn
                        + ", cron = excluded.cron, settings = excluded.settings, sealed_password = excluded.sealed_password,"
                        + " updated_at = excluded.updated_at returning (xmax = 0) as inserted")
                .execute(Tuple.from(new Object[]{registration.clientId(), registration.name(), registration.kind(), registration.registeredId(),
                        registration.cron(), registration.settings(), registration.sealedPassword() == null ? null
                        : io.vertx.core.buffer.Buffer.buffer(registration.sealedPassword()), utc(registration.updatedAt())}))
                .map(rows -> rows.iterator().next().getBoolean("inserted"));
    }

    public Uni<Boolean> delete(Kind kind, String clientId, String name) {
        return pool.preparedQuery("delete from " + kind.table + " where client_id = $1 and name = $2").execute(Tuple.of(clientId, name))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<List<StoredRegistration>> all(Kind kind) {
        return pool.query("select client_id, name, kind, " + kind.idColumn + " as registered_id, cron, settings, sealed_password, updated_at from "
                        + kind.table + " order by client_id, name").execute()
                .map(rows -> map(rows, row -> new StoredRegistration(row.getString("client_id"), row.getString("name"), row.getString("kind"),
                        row.getString("registered_id"), row.getString("cron"), row.getString("settings"),
                        row.getBuffer("sealed_password") == null ? null : row.getBuffer("sealed_password").getBytes(),
                        instant(row.getOffsetDateTime("updated_at")))));
    }

    private static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.size());
        rows.forEach(row -> mapped.add(mapper.apply(row)));
        return mapped;
    }
}
