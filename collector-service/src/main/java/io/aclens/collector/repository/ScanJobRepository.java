package io.aclens.collector.repository;

import static io.aclens.support.persistence.Timestamps.instant;
import static io.aclens.support.persistence.Timestamps.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scans this collector queued, each held by one replica under a lease it renews. */
@ApplicationScoped
public class ScanJobRepository {
    /** A job as stored; {@code rerun} is JSON, null for an upload. */
    public record ScanJob(String scanId, String clientId, String sourceId, String root, String rerun, String state, long folders, long errors,
                          Instant queuedAt, Instant startedAt, Instant finishedAt, String failure) {
    }

    private static final String COLUMNS = "scan_id, client_id, source_id, root, rerun, state, folders, errors, queued_at, started_at, finished_at, failure";

    private final Pool pool;

    public ScanJobRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> queued(ScanJob job, String owner, Duration lease) {
        return pool.preparedQuery("insert into collector.scan_job (scan_id, client_id, source_id, root, rerun, state, queued_at, owner, lease_until)"
                        + " values ($1, $2, $3, $4, $5, 'QUEUED', $6, $7, $8) on conflict (scan_id) do update set state = 'QUEUED', owner = excluded.owner,"
                        + " lease_until = excluded.lease_until")
                .execute(Tuple.from(new Object[]{job.scanId(), job.clientId(), job.sourceId(), job.root(), job.rerun(), utc(job.queuedAt()), owner,
                        utc(Instant.now().plus(lease))})).replaceWithVoid();
    }

    public Uni<Void> running(String scanId, Instant startedAt) {
        return pool.preparedQuery("update collector.scan_job set state = 'RUNNING', started_at = $2 where scan_id = $1")
                .execute(Tuple.of(scanId, utc(startedAt))).replaceWithVoid();
    }

    public Uni<Void> finished(String scanId, String state, long folders, long errors, Instant finishedAt, String failure) {
        return pool.preparedQuery("update collector.scan_job set state = $2, folders = $3, errors = $4, finished_at = $5, failure = $6"
                        + " where scan_id = $1")
                .execute(Tuple.from(new Object[]{scanId, state, folders, errors, utc(finishedAt), failure})).replaceWithVoid();
    }

    /** Extends the leases of the open jobs this replica holds. */
    public Uni<Integer> renew(String owner, Duration lease) {
        return pool.preparedQuery("update collector.scan_job set lease_until = $2 where owner = $1 and state in ('QUEUED', 'RUNNING')")
                .execute(Tuple.of(owner, utc(Instant.now().plus(lease)))).map(rows -> rows.rowCount());
    }

    /**
     * Takes over the open jobs whose holder stopped renewing, and those of an earlier process on this host
     * ({@code hostPrefix}; it cannot still be running if this one holds its host): each is taken by one replica only.
     */
    public Uni<List<ScanJob>> takeOverExpired(String owner, String hostPrefix, Duration lease) {
        return pool.preparedQuery("update collector.scan_job set owner = $1, lease_until = $2 where scan_id in (select scan_id from"
                        + " collector.scan_job where state in ('QUEUED', 'RUNNING') and (lease_until < now() or (starts_with(owner, $3) and owner <> $1))"
                        + " for update skip locked) returning " + COLUMNS)
                .execute(Tuple.of(owner, utc(Instant.now().plus(lease)), hostPrefix)).map(rows -> {
                    List<ScanJob> jobs = new ArrayList<>();
                    rows.forEach(row -> jobs.add(job(row)));
                    return jobs;
                });
    }

    public Uni<Optional<ScanJob>> find(String scanId) {
        return pool.preparedQuery("select " + COLUMNS + " from collector.scan_job where scan_id = $1").execute(Tuple.of(scanId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(job(rows.iterator().next())) : Optional.empty());
    }

    private static ScanJob job(Row row) {
        return new ScanJob(row.getString("scan_id"), row.getString("client_id"), row.getString("source_id"), row.getString("root"),
                row.getString("rerun"), row.getString("state"), row.getLong("folders"), row.getLong("errors"),
                instant(row.getOffsetDateTime("queued_at")), instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("finished_at")), row.getString("failure"));
    }
}
