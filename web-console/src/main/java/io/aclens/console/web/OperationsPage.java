package io.aclens.console.web;

import io.aclens.auth.Roles;
import io.aclens.console.gateway.Gateway;
import io.aclens.console.gateway.Answers;
import io.aclens.contracts.api.LagView;
import io.aclens.contracts.api.ScanStatus;
import io.aclens.contracts.api.SnapshotView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** For MSP staff: the scans in progress, how far behind each consumer of the pipeline is, and what waits in the dead-letter topics. */
@Path("/operations")
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance operations(LagView lag, double laggingSeconds, List<RunningScan> scans);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public OperationsPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    /**
     * A scan queued or running, with its pace and how far it is against its source's last snapshot (a tree rarely changes
     * size much between scans; null for a first scan).
     */
    public record RunningScan(ScanStatus scan, Long expected, Instant now) {
        public long perSecond() {
            double seconds = scan.startedAt() == null ? 0 : Duration.between(scan.startedAt(), now).toMillis() / 1000.0;
            return seconds <= 0 ? 0 : Math.round(scan.folders() / seconds);
        }

        /** 0–99 while running: past the last snapshot's size it stays at 99 until it completes. */
        public Integer percent() {
            return expected == null || expected == 0 ? null : (int) Math.min(99, scan.folders() * 100 / expected);
        }
    }

    @GET
    public Uni<TemplateInstance> operations() {
        Uni<List<RunningScan>> running = gateway.collector().scans().flatMap(scans -> {
            List<ScanStatus> active = scans.stream().filter(s -> s.state() == ScanStatus.State.RUNNING || s.state() == ScanStatus.State.QUEUED)
                    .toList();
            if (active.isEmpty()) {
                return Uni.createFrom().item(List.<RunningScan>of());
            }
            Instant now = Instant.now();
            return Uni.join().all(active.stream().map(scan -> Answers.absentAs(gateway.snapshots().snapshots(scan.clientId(), scan.sourceId(), null),
                    List.<SnapshotView>of()).map(last -> new RunningScan(scan, last.isEmpty() ? null : last.get(0).folderCount(), now))).toList())
                    .andFailFast();
        });
        return Uni.combine().all().unis(gateway.collector().lag(false), running).with((lag, scans) -> Pages.localized(
                Templates.operations(lag, ClientsPage.LAGGING_SECONDS, scans), Pages.user(identity)));
    }
}
