package io.aclens.collector.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How this collector's scans ended, per client and source, for the alert on failed scans ({@code aclens_scans_total}).
 * A failed scan leaves its source's last snapshot in place, so nothing else shows that a client's data went stale.
 */
@ApplicationScoped
public class ScanOutcomes {
    private final MeterRegistry registry;

    public ScanOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    public void completed(String clientId, String sourceId) {
        count("completed", clientId, sourceId);
    }

    public void failed(String clientId, String sourceId) {
        count("failed", clientId, sourceId);
    }

    private void count(String outcome, String clientId, String sourceId) {
        Counter.builder("aclens.scans").description("Scans this collector finished, by outcome").tag("outcome", outcome)
                .tag("client", clientId).tag("source", sourceId).register(registry).increment();
    }
}
