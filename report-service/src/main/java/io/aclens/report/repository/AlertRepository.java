package io.aclens.report.repository;

import io.aclens.contracts.api.AlertView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The alert log and what it needs: the checks change sets ask for, the findings already alerted, each alert's delivery. */
@ApplicationScoped
public class AlertRepository {
    private static final String COLUMNS = """
            alert_id, client_id, channel, event_key, subject, state, attempts, next_attempt_at, last_error, created_at, sent_at""";

    private final Pool pool;

    public AlertRepository(Pool pool) {
        this.pool = pool;
    }

    /** A change set of the client arrived: its alerts are to be checked (once, however many arrive before the check). */
    public Uni<Void> requestCheck(String clientId) {
        return pool.preparedQuery("""
                        insert into report.alert_check (client_id, requested_at) values ($1, now())
                        on conflict (client_id) do update set requested_at = now()""").execute(Tuple.of(clientId)).replaceWithVoid();
    }

    /**
     * Asks for the client's check unless it was checked within {@code recently}, for a scan that changed nothing: it cannot
     * have raised a finding, only time can (an account expiring), and that waits {@code recently} at most.
     */
    public Uni<Void> requestCheckUnlessCheckedWithin(String clientId, Duration recently) {
        return pool.preparedQuery("""
                        insert into report.alert_check (client_id, requested_at) values ($1, now())
                        on conflict (client_id) do update set requested_at = now()
                        where alert_check.checked_at is null or alert_check.checked_at < now() - make_interval(secs => $2)""")
                .execute(Tuple.of(clientId, (double) recently.toSeconds())).replaceWithVoid();
    }

    /** A requested check, claimed for {@code lease}. */
    public record Check(String clientId, Instant requestedAt, Instant checkedThrough) {
    }

    public Uni<Optional<Check>> claimCheck(Duration lease) {
        return pool.withTransaction(conn -> conn.query("""
                        select client_id, requested_at, checked_through from report.alert_check
                        where (checked_at is null or requested_at > checked_at) and (claimed_until is null or claimed_until < now())
                        order by requested_at limit 1 for update skip locked""").execute()
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Check>empty());
                    }
                    Row row = rows.iterator().next();
                    Check check = new Check(row.getString(0), Timestamps.instant(row, "requested_at"), Timestamps.instant(row, "checked_through"));
                    return conn.preparedQuery("update report.alert_check set claimed_until = now() + make_interval(secs => $2) where client_id = $1")
                            .execute(Tuple.of(check.clientId(), (double) lease.toSeconds())).replaceWith(Optional.of(check));
                }));
    }

    public Uni<Void> checked(String clientId, Instant requestedAt, Instant through) {
        return pool.preparedQuery("update report.alert_check set checked_at = $2, checked_through = $3, claimed_until = null where client_id = $1")
                .execute(Tuple.of(clientId, Timestamps.utc(requestedAt), Timestamps.utc(through))).replaceWithVoid();
    }

    public Uni<Set<String>> alertedFindings(String clientId) {
        return pool.preparedQuery("select finding_key from report.alerted_finding where client_id = $1").execute(Tuple.of(clientId))
                .map(rows -> {
                    Set<String> keys = new java.util.HashSet<>();
                    rows.forEach(row -> keys.add(row.getString(0)));
                    return keys;
                });
    }

    /** An alert to write: its event, and the JSON body every channel of the client receives. */
    public record NewAlert(String eventKey, String subject, String body) {
    }

    /**
     * In one transaction: each alert once per channel, the findings now alerted, and those no longer open forgotten (so a
     * finding that comes back is alerted again).
     */
    public Uni<Void> record(String clientId, List<String> channels, List<NewAlert> alerts, Set<String> alertedNow, Set<String> stillOpen) {
        return pool.withTransaction(conn -> {
            List<Tuple> rows = new ArrayList<>();
            for (NewAlert alert : alerts) {
                for (String channel : channels) {
                    rows.add(Tuple.of(clientId, channel, alert.eventKey(), alert.subject(), alert.body()));
                }
            }
            Uni<?> insert = rows.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                    insert into report.alert (client_id, channel, event_key, subject, body, state, next_attempt_at, created_at)
                    values ($1, $2, $3, $4, $5, 'PENDING', now(), now()) on conflict (client_id, channel, event_key) do nothing""").executeBatch(rows);
            return insert.chain(() -> conn.preparedQuery("delete from report.alerted_finding where client_id = $1 and not (finding_key = any($2))")
                            .execute(Tuple.of(clientId, stillOpen.toArray(String[]::new))))
                    .chain(() -> alertedNow.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                                    insert into report.alerted_finding (client_id, finding_key, alerted_at) values ($1, $2, now())
                                    on conflict do nothing""")
                            .executeBatch(alertedNow.stream().map(key -> Tuple.of(clientId, key)).toList()).replaceWithVoid())
                    .replaceWithVoid();
        });
    }

    /** An alert claimed for sending, with where it goes. */
    public record Claimed(AlertView alert, String body, String kind, String target, String secret) {
    }

    public Uni<Optional<Claimed>> claimNext(Duration lease) {
        return pool.withTransaction(conn -> conn.query("""
                        select alert_id from report.alert
                        where (state in ('PENDING', 'RETRYING') and next_attempt_at <= now()) or (state = 'SENDING' and claimed_until < now())
                        order by next_attempt_at limit 1 for update skip locked""").execute()
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Optional.<Claimed>empty())
                        : conn.preparedQuery("""
                                        update report.alert a set state = 'SENDING', attempts = attempts + 1,
                                               claimed_until = now() + make_interval(secs => $2)
                                        from report.alert_channel c where a.alert_id = $1 and c.client_id = a.client_id and c.name = a.channel
                                        returning a.alert_id, a.client_id, a.channel, a.event_key, a.subject, a.state, a.attempts, a.next_attempt_at,
                                                  a.last_error, a.created_at, a.sent_at, a.body, c.kind, c.target, c.secret""")
                                .execute(Tuple.of(rows.iterator().next().getLong(0), (double) lease.toSeconds()))
                                .map(updated -> {
                                    Row row = updated.iterator().next();
                                    return Optional.of(new Claimed(read(row), row.getString("body"), row.getString("kind"), row.getString("target"),
                                            row.getString("secret")));
                                })));
    }

    public Uni<Void> sent(long alertId) {
        return pool.preparedQuery("update report.alert set state = 'SENT', sent_at = now(), last_error = null, claimed_until = null where alert_id = $1")
                .execute(Tuple.of(alertId)).replaceWithVoid();
    }

    public Uni<Void> failed(long alertId, String reason, Instant retryAt) {
        return pool.preparedQuery("""
                        update report.alert set state = 'RETRYING', last_error = $2, next_attempt_at = $3, claimed_until = null
                        where alert_id = $1""").execute(Tuple.of(alertId, reason, Timestamps.utc(retryAt))).replaceWithVoid();
    }

    public Uni<List<AlertView>> ofClient(String clientId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from report.alert where client_id = $1 order by created_at desc, alert_id desc limit $2")
                .execute(Tuple.of(clientId, limit)).map(AlertRepository::readAll);
    }

    private static List<AlertView> readAll(RowSet<Row> rows) {
        List<AlertView> all = new ArrayList<>();
        rows.forEach(row -> all.add(read(row)));
        return all;
    }

    private static AlertView read(Row row) {
        return new AlertView(row.getLong("alert_id"), row.getString("client_id"), row.getString("channel"), row.getString("event_key"),
                row.getString("subject"), row.getString("state"), row.getInteger("attempts"), Timestamps.instant(row, "next_attempt_at"),
                row.getString("last_error"), Timestamps.instant(row, "created_at"), Timestamps.instant(row, "sent_at"));
    }
}
