package io.aclens.diff.repository;

import io.aclens.diff.model.ChangeSetEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ChangeSetRepository implements PanacheRepositoryBase<ChangeSetEntity, Long> {

    public Uni<List<ChangeSetEntity>> forClient(String clientId) {
        return list("clientId", Sort.descending("snapshotId"), clientId);
    }
}
