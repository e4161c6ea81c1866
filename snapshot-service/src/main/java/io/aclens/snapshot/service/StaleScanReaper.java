package io.aclens.snapshot.service;

import io.aclens.snapshot.repository.StagingRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** A scan that went quiet (collector crashed, network gone) is abandoned visibly instead of lingering. */
@ApplicationScoped
public class StaleScanReaper {
    private static final Logger LOG = Logger.getLogger(StaleScanReaper.class);

    private final StagingRepository staging;
    private final Duration abandonAfter;

    public StaleScanReaper(StagingRepository staging, @ConfigProperty(name = "aclens.snapshot.abandon-after") Duration abandonAfter) {
        this.staging = staging;
        this.abandonAfter = abandonAfter;
    }

    @Scheduled(every = "${aclens.snapshot.abandon-check}", delayed = "${aclens.snapshot.abandon-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> abandonStaleScans() {
        return abandon();
    }

    public Uni<Void> abandon() {
        return staging.abandonStale(Instant.now().minus(abandonAfter), "no event for " + abandonAfter + "; the scan never completed")
                .invoke(ids -> {
                    if (!ids.isEmpty()) {
                        LOG.warnf("Abandoned %d stale scan(s): %s", ids.size(), ids);
                    }
                })
                .replaceWithVoid();
    }
}
