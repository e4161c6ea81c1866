package io.aclens.snapshot.repository;

import io.aclens.snapshot.model.ScanEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ScanRepository implements PanacheRepositoryBase<ScanEntity, String> {

    public Uni<List<ScanEntity>> recentForClient(String clientId, int limit) {
        return find("clientId", Sort.descending("lastEventAt"), clientId).page(Page.ofSize(limit)).list();
    }
}
