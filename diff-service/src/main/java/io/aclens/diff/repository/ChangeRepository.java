package io.aclens.diff.repository;

import io.aclens.diff.model.AccessChangeEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class ChangeRepository implements PanacheRepositoryBase<AccessChangeEntity, Long> {

    /** A client's changes detected in [from, to), optionally for one source. */
    public Uni<List<AccessChangeEntity>> forClient(String clientId, String sourceId, Instant from, Instant to) {
        String query = "clientId = :client and detectedAt >= :from and detectedAt < :to" + (sourceId == null ? "" : " and sourceId = :source");
        Parameters parameters = Parameters.with("client", clientId).and("from", from.atOffset(ZoneOffset.UTC))
                .and("to", to.atOffset(ZoneOffset.UTC));
        if (sourceId != null) {
            parameters = parameters.and("source", sourceId);
        }
        return list(query, Sort.by("detectedAt").and("path").and("changeId"), parameters);
    }
}
