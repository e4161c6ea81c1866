package io.aclens.snapshot.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.aclens.snapshot.repository.StagingRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A scan whose collector went quiet (crashed, network gone) is abandoned visibly instead of lingering. Quiet is judged on
 * the collector's clock — its events' and heartbeats' times — and per partition only as far as this replica has read it,
 * so a snapshot service that fell behind never throws away a scan whose events still wait in the topic.
 */
@ApplicationScoped
public class StaleScanReaper {
    private static final Logger LOG = Logger.getLogger(StaleScanReaper.class);

    private final StagingRepository staging;
    private final ScanPartitions partitions;
    private final Duration abandonAfter;
    private final Counter abandoned;

    public StaleScanReaper(StagingRepository staging, ScanPartitions partitions,
                           @ConfigProperty(name = "aclens.snapshot.abandon-after") Duration abandonAfter, MeterRegistry registry) {
        this.abandoned = Counter.builder("aclens.scans.abandoned").description("Scans given up because their collector went quiet")
                .register(registry);
        this.staging = staging;
        this.partitions = partitions;
        this.abandonAfter = abandonAfter;
    }

    @Scheduled(every = "${aclens.snapshot.abandon-check}", delayed = "${aclens.snapshot.abandon-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> abandonStaleScans() {
        return abandon();
    }

    public Uni<Void> abandon() {
        return partitions.knownUpTo().chain(known -> {
            Uni<Void> work = Uni.createFrom().voidItem();
            for (Map.Entry<Integer, Instant> partition : known.entrySet()) {
                work = work.chain(() -> staging.abandonStale(partition.getKey(), partition.getValue().minus(abandonAfter),
                                "its collector sent nothing for " + abandonAfter + " (no event, no heartbeat); the scan never completed")
                        .invoke(ids -> {
                            if (!ids.isEmpty()) {
                                abandoned.increment(ids.size());
                                LOG.warnf("Abandoned %d stale scan(s) of partition %d: %s", ids.size(), partition.getKey(), ids);
                            }
                        })
                        .replaceWithVoid());
            }
            return work;
        });
    }
}
