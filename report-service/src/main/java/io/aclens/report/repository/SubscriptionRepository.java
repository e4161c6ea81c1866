package io.aclens.report.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The subscriptions, keyed by client and name. */
@ApplicationScoped
public class SubscriptionRepository {
    private static final String COLUMNS = """
            client_id, name, recipients_to, recipients_cc, language, time_zone, cadence, cron, send_when_unchanged,
            sources, path_prefixes, departments, contents, created_at, updated_at""";

    private final Pool pool;

    public SubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    /** A subscription as stored. */
    public record Subscription(String clientId, String name, List<String> to, List<String> cc, String language, String timeZone,
                               String cadence, String cron, boolean sendWhenUnchanged, List<String> sources, List<String> pathPrefixes,
                               List<String> departments, List<String> contents, Instant createdAt, Instant updatedAt) {
    }

    /** Creates or replaces one; its creation time stays, so a changed schedule does not send past periods again. */
    public Uni<Subscription> save(Subscription s) {
        return pool.preparedQuery("insert into report.subscription (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now(), now())"
                        + " on conflict (client_id, name) do update set recipients_to = excluded.recipients_to,"
                        + " recipients_cc = excluded.recipients_cc, language = excluded.language, time_zone = excluded.time_zone,"
                        + " cadence = excluded.cadence, cron = excluded.cron,"
                        + " send_when_unchanged = excluded.send_when_unchanged, sources = excluded.sources,"
                        + " path_prefixes = excluded.path_prefixes, departments = excluded.departments, contents = excluded.contents, updated_at = now() returning " + COLUMNS)
                .execute(Tuple.tuple().addValue(s.clientId()).addValue(s.name()).addArrayOfString(s.to().toArray(String[]::new))
                        .addArrayOfString(s.cc().toArray(String[]::new)).addValue(s.language()).addValue(s.timeZone()).addValue(s.cadence())
                        .addValue(s.cron()).addValue(s.sendWhenUnchanged())
                        .addArrayOfString(s.sources().toArray(String[]::new)).addArrayOfString(s.pathPrefixes().toArray(String[]::new))
                        .addArrayOfString(s.departments().toArray(String[]::new))
                        .addArrayOfString(s.contents().toArray(String[]::new)))
                .map(rows -> read(rows.iterator().next()));
    }

    public Uni<List<Subscription>> ofClient(String clientId) {
        return pool.preparedQuery("select " + COLUMNS + " from report.subscription where client_id = $1 order by name").execute(Tuple.of(clientId))
                .map(SubscriptionRepository::readAll);
    }

    public Uni<Optional<Subscription>> find(String clientId, String name) {
        return pool.preparedQuery("select " + COLUMNS + " from report.subscription where client_id = $1 and name = $2")
                .execute(Tuple.of(clientId, name)).map(rows -> readAll(rows).stream().findFirst());
    }

    public Uni<List<Subscription>> all() {
        return pool.query("select " + COLUMNS + " from report.subscription order by client_id, name").execute().map(SubscriptionRepository::readAll);
    }

    /** Removes it with its delivery log; true when it existed. */
    public Uni<Boolean> delete(String clientId, String name) {
        return pool.preparedQuery("delete from report.subscription where client_id = $1 and name = $2").execute(Tuple.of(clientId, name))
                .map(rows -> rows.rowCount() > 0);
    }

    private static List<Subscription> readAll(Iterable<Row> rows) {
        List<Subscription> all = new ArrayList<>();
        rows.forEach(row -> all.add(read(row)));
        return all;
    }

    private static Subscription read(Row row) {
        return new Subscription(row.getString("client_id"), row.getString("name"), List.of(row.getArrayOfStrings("recipients_to")),
                List.of(row.getArrayOfStrings("recipients_cc")), row.getString("language"), row.getString("time_zone"), row.getString("cadence"),
                row.getString("cron"), row.getBoolean("send_when_unchanged"),
                List.of(row.getArrayOfStrings("sources")), List.of(row.getArrayOfStrings("path_prefixes")), List.of(row.getArrayOfStrings("departments")),
                List.of(row.getArrayOfStrings("contents")),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
