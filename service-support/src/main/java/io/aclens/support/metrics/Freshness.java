package io.aclens.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * How fresh a client's data is at each stage: the time from a scan's completion (the collector's clock) to its snapshot
 * committed, its changes diffed, and the report service able to show it — {@code aclens_freshness_seconds} per stage,
 * client and source, with buckets from a second to two hours (a handful, so fifty clients stay cheap to scrape).
 */
@ApplicationScoped
public class Freshness {
    public static final String COMMITTED = "committed";
    public static final String DIFFED = "diffed";
    public static final String REPORTABLE = "reportable";
    private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2)};

    private final MeterRegistry registry;

    public Freshness(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records that a scan completed at {@code scanCompletedAt} reached {@code stage} now; a redelivered event is not counted again by callers. */
    public void reached(String stage, String clientId, String sourceId, Instant scanCompletedAt) {
        if (scanCompletedAt == null) {
            return;
        }
        Duration age = Duration.between(scanCompletedAt, Instant.now());
        Timer.builder("aclens.freshness").description("Time from a scan's completion to this stage").tag("stage", stage)
                .tag("client", clientId).tag("source", sourceId).serviceLevelObjectives(BUCKETS).register(registry)
                .record(age.isNegative() ? Duration.ZERO : age);
    }
}
