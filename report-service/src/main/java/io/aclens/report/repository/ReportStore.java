package io.aclens.report.repository;

import io.aclens.report.excel.WorkbookFile;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Duration;
import java.util.Optional;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores a report's metadata and workbook together, in one transaction; the workbook in chunks
 * ({@code aclens.report.content-chunk}, 256 KiB), so that storing or serving a large one never holds it whole.
 */
@ApplicationScoped
public class ReportStore {
    private static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final int chunk;

    public ReportStore(Pool pool, @ConfigProperty(name = "aclens.report.content-chunk") MemorySize chunk) {
        this.pool = pool;
        this.chunk = (int) chunk.asLongValue();
    }

    /** A report's fields; {@code period} is set for scheduled reports (one per client and period). */
    public record NewReport(String clientId, String period, String trigger, String snapshotIds, long folderCount, long changeCount,
                            WorkbookFile content) {
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
                                .addValue(report.content().size()).addValue(report.snapshotIds())
                                .addValue(report.folderCount()).addValue(report.changeCount()))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().item(Optional.<StoredReport>empty());
                            }
                            var row = rows.iterator().next();
                            StoredReport stored = new StoredReport(row.getLong(0), row.getOffsetDateTime(1).toInstant());
                            return chunks(conn, stored.reportId(), report.content(), 0, report.content().chunks(chunk))
                                    .replaceWith(Optional.of(stored));
                        }));
    }

    /** One chunk after the other: a chunk is read from the local file as it is sent (small, and from the page cache). */
    private Uni<Void> chunks(SqlConnection conn, long reportId, WorkbookFile workbook, int index, int count) {
        if (index == count) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into report.report_content_chunk (report_id, chunk_no, content) values ($1, $2, $3)")
                .execute(Tuple.of(reportId, index, Buffer.buffer(workbook.chunk(index, chunk))))
                .chain(() -> chunks(conn, reportId, workbook, index + 1, count));
    }

    public Uni<Boolean> hasPeriod(String clientId, String period) {
        return pool.preparedQuery("select 1 from report.report where client_id = $1 and period = $2").execute(Tuple.of(clientId, period))
                .map(rows -> rows.size() > 0);
    }

    /** Where a stored workbook is: the client it belongs to, its size and how many chunks hold it. */
    public record StoredWorkbook(String clientId, long size, int chunks) {
    }

    /** The report's stored workbook, or null when there is none. */
    public Uni<StoredWorkbook> workbook(long reportId) {
        return pool.preparedQuery("""
                        select r.client_id, r.size_bytes, count(c.chunk_no)::int from report.report r
                        join report.report_content_chunk c on c.report_id = r.report_id
                        where r.report_id = $1 group by r.client_id, r.size_bytes""").execute(Tuple.of(reportId))
                .map(rows -> rows.size() == 0 ? null : new StoredWorkbook(rows.iterator().next().getString(0), rows.iterator().next().getLong(1),
                        rows.iterator().next().getInteger(2)));
    }

    /** The workbook written out a chunk at a time, for a response: call it on a worker thread. */
    public StreamingOutput streamed(long reportId, StoredWorkbook workbook) {
        return out -> {
            for (int index = 0; index < workbook.chunks(); index++) {
                out.write(pool.preparedQuery("select content from report.report_content_chunk where report_id = $1 and chunk_no = $2")
                        .execute(Tuple.of(reportId, index)).map(rows -> rows.iterator().next().getBuffer(0).getBytes())
                        .await().atMost(CHUNK_TIMEOUT));
            }
        };
    }
}
