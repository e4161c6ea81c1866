package io.aclens.report.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The download links of packages too large to attach, by the hash of their token. */
@ApplicationScoped
public class DownloadLinkRepository {
    private final Pool pool;

    public DownloadLinkRepository(Pool pool) {
        this.pool = pool;
    }

    /** A link as stored: the report it opens and until when. */
    public record Link(long reportId, Instant expiresAt) {
    }

    public Uni<Void> save(byte[] tokenHash, String clientId, long reportId, Long deliveryId, Instant expiresAt) {
        return pool.preparedQuery("insert into report.download_link (token_hash, client_id, report_id, delivery_id, expires_at)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.tuple().addValue(Buffer.buffer(tokenHash)).addValue(clientId).addValue(reportId).addValue(deliveryId)
                        .addValue(Timestamps.utc(expiresAt)))
                .replaceWithVoid();
    }

    /** The client's link with this token hash, counting the download when it has not expired. */
    public Uni<Optional<Link>> use(byte[] tokenHash, String clientId, Instant now) {
        return pool.preparedQuery("""
                        update report.download_link set downloads = downloads + case when expires_at > $3 then 1 else 0 end,
                               last_download_at = case when expires_at > $3 then $3 else last_download_at end
                        where token_hash = $1 and client_id = $2 returning report_id, expires_at""")
                .execute(Tuple.of(Buffer.buffer(tokenHash), clientId, Timestamps.utc(now)))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new Link(rows.iterator().next().getLong(0), Timestamps.instant(rows.iterator().next(), "expires_at"))));
    }
}
