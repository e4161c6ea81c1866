package io.aclens.report.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where each client's alerts go. */
@ApplicationScoped
public class AlertChannelRepository {
    private final Pool pool;

    public AlertChannelRepository(Pool pool) {
        this.pool = pool;
    }

    /** A channel as stored, its secret included (for signing only: no answer carries it). */
    public record Channel(String clientId, String name, String kind, String target, String secret, List<String> sensitivePaths, Instant createdAt) {
    }

    /** Creates or replaces it; a replacement without a secret keeps the stored one. */
    public Uni<Channel> save(Channel c) {
        return pool.preparedQuery("""
                        insert into report.alert_channel (client_id, name, kind, target, secret, sensitive_paths, created_at)
                        values ($1, $2, $3, $4, $5, $6, now())
                        on conflict (client_id, name) do update set kind = excluded.kind, target = excluded.target,
                               secret = coalesce(excluded.secret, report.alert_channel.secret), sensitive_paths = excluded.sensitive_paths
                        returning client_id, name, kind, target, secret, sensitive_paths, created_at""")
                .execute(Tuple.tuple().addValue(c.clientId()).addValue(c.name()).addValue(c.kind()).addValue(c.target()).addValue(c.secret())
                        .addArrayOfString(c.sensitivePaths().toArray(String[]::new)))
                .map(rows -> read(rows.iterator().next()));
    }

    public Uni<List<Channel>> ofClient(String clientId) {
        return pool.preparedQuery("select client_id, name, kind, target, secret, sensitive_paths, created_at from report.alert_channel"
                        + " where client_id = $1 order by name").execute(Tuple.of(clientId))
                .map(rows -> {
                    List<Channel> all = new ArrayList<>();
                    rows.forEach(row -> all.add(read(row)));
                    return all;
                });
    }

    public Uni<Boolean> delete(String clientId, String name) {
        return pool.preparedQuery("delete from report.alert_channel where client_id = $1 and name = $2").execute(Tuple.of(clientId, name))
                .map(rows -> rows.rowCount() > 0);
    }

    private static Channel read(Row row) {
        return new Channel(row.getString("client_id"), row.getString("name"), row.getString("kind"), row.getString("target"), row.getString("secret"),
                List.of(row.getArrayOfStrings("sensitive_paths")), row.getOffsetDateTime("created_at").toInstant());
    }
}
