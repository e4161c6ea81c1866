package io.aclens.report.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Stores a report's metadata and workbook together, in one transaction. */
@ApplicationScoped
public class ReportStore {
    private final Pool pool;

    public ReportStore(Pool pool) {
        this.pool = pool;
    }

    /** A report's fields; {@code period} is set for scheduled reports (one per client and period). */
    public record NewReport(String clientId, String period, String trigger, String snapshotIds, long folderCount, long changeCount,
                            byte[] content) {
    }

    /** A stored report's key and time. */
    public record StoredReport(long reportId, java.time.Instant createdAt) {
    }

    /** The stored report, or empty when the client already has a report for that period. */
    public Uni<Optional<StoredReport>> save(NewReport report) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into report.report (client_id, period, trigger, created_at, size_bytes, snapshot_ids,
                                                           folder_count, change_count)
                                values ($1, $2, $3, now(), $4, $5, $6, $7)
                                on conflict (client_id, period) where period is not null do nothing
                                returning report_id, created_at""")
                        .execute(Tuple.tuple().addValue(report.clientId()).addValue(report.period()).addValue(report.trigger())
                                .addValue((long) report.content().length).addValue(report.snapshotIds())
                                .addValue(report.folderCount()).addValue(report.changeCount()))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().item(Optional.<StoredReport>empty());
                            }
                            var row = rows.iterator().next();
                            StoredReport stored = new StoredReport(row.getLong(0), row.getOffsetDateTime(1).toInstant());
                            return conn.preparedQuery("insert into report.report_content (report_id, content) values ($1, $2)")
                                    .execute(Tuple.of(stored.reportId(), io.vertx.core.buffer.Buffer.buffer(report.content())))
                                    .replaceWith(Optional.of(stored));
                        }));
    }

    public Uni<Boolean> hasPeriod(String clientId, String period) {
        return pool.preparedQuery("select 1 from report.report where client_id = $1 and period = $2").execute(Tuple.of(clientId, period))
                .map(rows -> rows.size() > 0);
    }

    /** A stored workbook and the client it belongs to. */
    public record Content(String clientId, byte[] workbook) {
    }

    public Uni<Content> content(long reportId) {
        return pool.preparedQuery("""
                        select r.client_id, c.content from report.report_content c join report.report r on r.report_id = c.report_id
                        where c.report_id = $1""").execute(Tuple.of(reportId))
                .map(rows -> rows.size() == 0 ? null
                        : new Content(rows.iterator().next().getString(0), rows.iterator().next().getBuffer(1).getBytes()));
    }
}
