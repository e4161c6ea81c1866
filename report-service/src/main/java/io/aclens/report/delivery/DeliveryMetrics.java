package io.aclens.report.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What operations alert on (deploy/prometheus/alerts.yml): packages and alerts waiting to go out, by state, and the age of
 * the oldest — a package retried for long, or one that should have gone an hour ago, means clients are not receiving.
 */
@ApplicationScoped
public class DeliveryMetrics {
    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);
    private static final List<String> WAITING = List.of("PENDING", "SENDING", "RETRYING");

    private final Pool pool;
    private final MultiGauge waiting;
    private final MultiGauge oldest;

    public DeliveryMetrics(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.waiting = MultiGauge.builder("aclens.outbox.waiting").description("Packages and alerts not sent yet, by kind and state").register(registry);
        this.oldest = MultiGauge.builder("aclens.outbox.oldest.waiting.seconds").description("Age of the oldest package or alert not sent yet")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "30s", identity = "delivery-metrics", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshOnSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("Delivery metrics not refreshed: %s", e.getMessage());
        }
    }

    /** Reads the counts now. */
    public void refresh() {
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        for (Map.Entry<String, String> table : Map.of("package", "report.delivery", "alert", "report.alert").entrySet()) {
            Map<String, Long> byState = new java.util.HashMap<>();
            double[] age = {0};
            pool.query("select state, count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from " + table.getValue()
                    + " where state in ('PENDING', 'SENDING', 'RETRYING') group by state").execute().await().atMost(Duration.ofSeconds(10))
                    .forEach(row -> {
                        byState.put(row.getString(0), row.getLong(1));
                        age[0] = Math.max(age[0], row.getDouble(2));
                    });
            for (String state : WAITING) {
                counts.add(MultiGauge.Row.of(Tags.of("kind", table.getKey(), "state", state), byState.getOrDefault(state, 0L)));
            }
            ages.add(MultiGauge.Row.of(Tags.of("kind", table.getKey()), age[0]));
        }
        waiting.register(counts, true);
        oldest.register(ages, true);
    }
}
