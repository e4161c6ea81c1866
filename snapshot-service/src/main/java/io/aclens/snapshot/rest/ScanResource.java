package io.aclens.snapshot.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.contracts.api.ScanReadApi;
import io.aclens.contracts.api.ScanView;
import io.aclens.snapshot.mapping.ViewMapper;
import io.aclens.snapshot.repository.ScanRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Serves {@link ScanReadApi}: scan health as the snapshot service saw it, committed, or why a scan changed nothing. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class ScanResource implements ScanReadApi {
    private final Callers callers;
    private final ScanRepository scans;

    public ScanResource(ScanRepository scans, Callers callers) {
        this.callers = callers;
        this.scans = scans;
    }

    @Override
    @WithSession
    public Uni<ScanView> scan(String scanId) {
        ClientScope scope = callers.scope();
        return scans.findById(scanId).map(s -> scope.visible(s, s == null ? null : s.clientId, "scan " + scanId + " was seen"))
                .map(ViewMapper::toView);
    }

    @Override
    @WithSession
    public Uni<List<ScanView>> scans(String clientId, int limit) {
        callers.scope().require(clientId);
        return scans.recentForClient(clientId, Math.max(1, Math.min(limit, 500))).map(list -> list.stream().map(ViewMapper::toView).toList());
    }
}
