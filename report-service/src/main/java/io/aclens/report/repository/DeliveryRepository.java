package io.aclens.report.repository;

import io.aclens.contracts.api.DeliveryView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log: one row per subscription and period, created before anything is sent, claimed by one replica at a
 * time ({@code FOR UPDATE SKIP LOCKED} and a lease), so two report services never send one package twice and a
 * package whose sender died is taken up again once its lease ran out.
 */
@ApplicationScoped
public class DeliveryRepository {
    private static final String COLUMNS = """
            delivery_id, client_id, subscription, period, state, attempts, next_attempt_at, last_error, message_id, report_id,
            changes_from, changes_to, created_at, sent_at""";

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** What a new delivery row needs; {@code periodStart}/{@code periodEnd} are null for "run now". */
    public record NewDelivery(String clientId, String subscription, String period, Instant periodStart, Instant periodEnd, String messageId) {
    }

    /** Adds the period's delivery unless it exists; true when it was added. */
    public Uni<Boolean> ensure(NewDelivery delivery) {
        return pool.preparedQuery("""
                        insert into report.delivery (client_id, subscription, period, period_start, period_end, message_id, state,
                                                     next_attempt_at, created_at)
                        values ($1, $2, $3, $4, $5, $6, 'PENDING', now(), now())
                        on conflict (client_id, subscription, period) do nothing""")
                .execute(Tuple.tuple().addValue(delivery.clientId()).addValue(delivery.subscription()).addValue(delivery.period())
                        .addValue(Timestamps.utc(delivery.periodStart())).addValue(Timestamps.utc(delivery.periodEnd()))
                        .addValue(delivery.messageId()))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Claims the next due delivery for {@code owner} for {@code lease}; empty when none is due. */
    public Uni<Optional<DeliveryView>> claimNext(String owner, Duration lease) {
        return pool.withTransaction(conn -> conn.query("""
                        select delivery_id from report.delivery
                        where (state in ('PENDING', 'RETRYING') and next_attempt_at <= now()) or (state = 'SENDING' and claimed_until < now())
                        order by next_attempt_at limit 1 for update skip locked""").execute()
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Optional.<DeliveryView>empty())
                        : conn.preparedQuery("update report.delivery set state = 'SENDING', attempts = attempts + 1, claimed_by = $2,"
                                        + " claimed_until = now() + make_interval(secs => $3) where delivery_id = $1 returning " + COLUMNS)
                                .execute(Tuple.of(rows.iterator().next().getLong(0), owner, (double) lease.toSeconds()))
                                .map(updated -> Optional.of(read(updated.iterator().next())))));
    }

    /** When the previous package of this subscription took its changes up to, if it has been sent. */
    public Uni<Optional<Instant>> previousChangesTo(String clientId, String subscription, long before) {
        return pool.preparedQuery("""
                        select max(changes_to) from report.delivery
                        where client_id = $1 and subscription = $2 and state in ('SENT', 'SKIPPED') and delivery_id <> $3""")
                .execute(Tuple.of(clientId, subscription, before))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime(0)).map(OffsetDateTime::toInstant));
    }

    /** A finding as a package reported it. */
    public record ReportedFinding(String key, String kind, String severity, String sourceId, String subject, int folderCount) {
    }

    /** Records the outcome with the findings the package reported, in one transaction. */
    public Uni<Void> sent(long deliveryId, String state, Long reportId, Instant changesFrom, Instant changesTo, List<ReportedFinding> findings) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update report.delivery set state = $2, report_id = $3, changes_from = $4, changes_to = $5, sent_at = now(),
                               last_error = null, claimed_by = null, claimed_until = null where delivery_id = $1""")
                .execute(Tuple.tuple().addValue(deliveryId).addValue(state).addValue(reportId).addValue(Timestamps.utc(changesFrom))
                        .addValue(Timestamps.utc(changesTo)))
                .chain(() -> conn.preparedQuery("delete from report.delivery_finding where delivery_id = $1").execute(Tuple.of(deliveryId)))
                .chain(() -> findings.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                                insert into report.delivery_finding (delivery_id, finding_key, kind, severity, source_id, subject, folder_count)
                                values ($1, $2, $3, $4, $5, $6, $7)""")
                        .executeBatch(findings.stream().map(f -> Tuple.tuple().addValue(deliveryId).addValue(f.key()).addValue(f.kind())
                                .addValue(f.severity()).addValue(f.sourceId()).addValue(f.subject()).addValue(f.folderCount())).toList())
                        .replaceWithVoid()));
    }

    /** The findings of the subscription's latest package sent before {@code before}; empty for its first. */
    public Uni<List<ReportedFinding>> previousFindings(String clientId, String subscription, long before) {
        return pool.preparedQuery("""
                        select f.finding_key, f.kind, f.severity, f.source_id, f.subject, f.folder_count from report.delivery_finding f
                        where f.delivery_id = (select delivery_id from report.delivery where client_id = $1 and subscription = $2
                                               and state = 'SENT' and delivery_id <> $3 order by sent_at desc limit 1)""")
                .execute(Tuple.of(clientId, subscription, before)).map(rows -> {
                    List<ReportedFinding> all = new ArrayList<>();
                    rows.forEach(row -> all.add(new ReportedFinding(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getInteger(5))));
                    return all;
                });
    }

    public Uni<Void> failed(long deliveryId, String reason, Instant retryAt) {
        return pool.preparedQuery("""
                        update report.delivery set state = 'RETRYING', last_error = $2, next_attempt_at = $3, claimed_by = null,
                               claimed_until = null where delivery_id = $1""")
                .execute(Tuple.of(deliveryId, reason, Timestamps.utc(retryAt))).replaceWithVoid();
    }

    /** Sends a delivery again (its period, its Message-ID); empty when the client has no such delivery or it is being sent. */
    public Uni<Optional<DeliveryView>> resend(String clientId, long deliveryId) {
        return pool.preparedQuery("update report.delivery set state = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null"
                        + " where client_id = $1 and delivery_id = $2 and state <> 'SENDING' returning " + COLUMNS)
                .execute(Tuple.of(clientId, deliveryId)).map(rows -> readAll(rows).stream().findFirst());
    }

    public Uni<List<DeliveryView>> ofClient(String clientId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from report.delivery where client_id = $1 order by created_at desc, delivery_id desc limit $2")
                .execute(Tuple.of(clientId, limit)).map(DeliveryRepository::readAll);
    }

    public Uni<Optional<DeliveryView>> find(String clientId, String subscription, String period) {
        return pool.preparedQuery("select " + COLUMNS + " from report.delivery where client_id = $1 and subscription = $2 and period = $3")
                .execute(Tuple.of(clientId, subscription, period)).map(rows -> readAll(rows).stream().findFirst());
    }

    private static List<DeliveryView> readAll(RowSet<Row> rows) {
        List<DeliveryView> all = new ArrayList<>();
        rows.forEach(row -> all.add(read(row)));
        return all;
    }

    private static DeliveryView read(Row row) {
        return new DeliveryView(row.getLong("delivery_id"), row.getString("client_id"), row.getString("subscription"), row.getString("period"),
                row.getString("state"), row.getInteger("attempts"), Timestamps.instant(row, "next_attempt_at"), row.getString("last_error"),
                row.getString("message_id"), row.getLong("report_id"), Timestamps.instant(row, "changes_from"), Timestamps.instant(row, "changes_to"),
                Timestamps.instant(row, "created_at"), Timestamps.instant(row, "sent_at"));
    }
}
