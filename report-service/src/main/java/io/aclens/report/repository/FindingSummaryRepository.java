package io.aclens.report.repository;

import io.aclens.access.findings.Finding;
import io.aclens.access.findings.Severity;
import io.aclens.contracts.api.FindingSummaryView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Each client's open findings by severity as last counted, for lists of every client. */
@ApplicationScoped
public class FindingSummaryRepository {
    private final Pool pool;

    public FindingSummaryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(String clientId, List<Finding> findings, Instant countedAt) {
        return pool.preparedQuery("""
                        insert into report.finding_summary (client_id, high, medium, low, counted_at) values ($1, $2, $3, $4, $5)
                        on conflict (client_id) do update set high = excluded.high, medium = excluded.medium, low = excluded.low,
                            counted_at = excluded.counted_at""")
                .execute(Tuple.of(clientId, count(findings, Severity.HIGH), count(findings, Severity.MEDIUM),
                        count(findings, Severity.LOW), Timestamps.utc(countedAt))).replaceWithVoid();
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The client's counts, or null before its first count. */
    public Uni<FindingSummaryView> of(String clientId) {
        return pool.preparedQuery("select client_id, high, medium, low, counted_at from report.finding_summary where client_id = $1")
                .execute(Tuple.of(clientId)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new FindingSummaryView(row.getString("client_id"), row.getInteger("high"), row.getInteger("medium"),
                            row.getInteger("low"), Timestamps.instant(row, "counted_at"));
                });
    }
}
