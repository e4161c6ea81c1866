package io.aclens.report.repository;

import io.aclens.report.model.ReportEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<ReportEntity, Long> {

    public Uni<List<ReportEntity>> forClient(String clientId) {
        return list("clientId", Sort.descending("reportId"), clientId);
    }
}
