package io.aclens.collector.repository;

import static io.aclens.support.persistence.Timestamps.instant;
import static io.aclens.support.persistence.Timestamps.utc;

import io.aclens.contracts.AuditRecorded;
import io.aclens.contracts.api.AuditEntryView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail, per client, newest first. */
@ApplicationScoped
public class AuditRepository {
    private final Pool pool;

    public AuditRepository(Pool pool) {
        this.pool = pool;
    }

    /** Adds the entries in one round trip, each once however often it is delivered; all or none. */
    public Uni<Void> addAll(List<AuditRecorded> entries) {
        return pool.preparedQuery("insert into collector.audit_entry (event_id, client_id, at, service, token_id, holder, role, method, operation,"
                        + " path, status) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (event_id) do nothing")
                .executeBatch(entries.stream().map(entry -> Tuple.from(new Object[]{entry.eventId(), entry.clientId(), utc(entry.at()),
                        entry.service(), entry.tokenId(), entry.holder(), entry.role(), entry.method(), entry.operation(), entry.path(),
                        entry.status()})).toList())
                .replaceWithVoid();
    }

    /** Entries from {@code from} to {@code to}, newest first; of one client, or of all (MSP-wide ones included) when {@code clientId} is null. */
    public Uni<List<AuditEntryView>> entries(String clientId, Instant from, Instant to, int limit) {
        String where = clientId == null ? "" : "client_id = $4 and ";
        Tuple arguments = clientId == null ? Tuple.of(utc(from), utc(to), limit) : Tuple.of(utc(from), utc(to), limit, clientId);
        return pool.preparedQuery("select at, client_id, service, token_id, holder, role, method, operation, path, status from collector.audit_entry"
                        + " where " + where + "at >= $1 and at < $2 order by at desc limit $3").execute(arguments)
                .map(rows -> {
                    List<AuditEntryView> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new AuditEntryView(instant(row.getOffsetDateTime("at")), row.getString("client_id"),
                            row.getString("service"), row.getString("token_id"), row.getString("holder"), row.getString("role"),
                            row.getString("method"), row.getString("operation"), row.getString("path"), row.getInteger("status"))));
                    return entries;
                });
    }
}
