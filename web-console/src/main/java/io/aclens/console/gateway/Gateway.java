package io.aclens.console.gateway;

import io.aclens.contracts.api.AccessReadApi;
import io.aclens.contracts.api.CollectorReadApi;
import io.aclens.contracts.api.DeliveryReadApi;
import io.aclens.contracts.api.DeliveryWriteApi;
import io.aclens.contracts.api.EffectiveChangeReadApi;
import io.aclens.contracts.api.ScanReadApi;
import io.aclens.contracts.api.SnapshotReadApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The public API as the console reads it: through the gateway ({@code quarkus.rest-client.aclens-api.url}), with the typed
 * interfaces every other consumer uses, as the signed-in user ({@link CallerHeaders}). The console has no other way to the
 * data.
 */
@ApplicationScoped
public class Gateway {
    private final AccessApi access;
    private final ScanApi scans;
    private final EffectiveChangeApi effectiveChanges;
    private final CollectorApi collector;
    private final DeliveryApi deliveries;
    private final SnapshotApi snapshots;

    public Gateway(@RestClient AccessApi access, @RestClient ScanApi scans, @RestClient EffectiveChangeApi effectiveChanges,
                   @RestClient CollectorApi collector, @RestClient DeliveryApi deliveries, @RestClient SnapshotApi snapshots) {
        this.access = access;
        this.scans = scans;
        this.effectiveChanges = effectiveChanges;
        this.collector = collector;
        this.deliveries = deliveries;
        this.snapshots = snapshots;
    }

    public AccessReadApi access() {
        return access;
    }

    public ScanReadApi scans() {
        return scans;
    }

    public EffectiveChangeReadApi effectiveChanges() {
        return effectiveChanges;
    }

    public CollectorReadApi collector() {
        return collector;
    }

    public DeliveryReadApi deliveries() {
        return deliveries;
    }

    /** Changes to subscriptions and deliveries, which the API allows MSP staff only. */
    public DeliveryWriteApi deliveryChanges() {
        return deliveries;
    }

    public SnapshotReadApi snapshots() {
        return snapshots;
    }
}
