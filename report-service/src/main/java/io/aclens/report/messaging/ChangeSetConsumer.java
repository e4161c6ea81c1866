package io.aclens.report.messaging;

import io.aclens.contracts.AclensEvent;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.DirectoryChangeSetCompleted;
import io.aclens.contracts.PoisonEventException;
import io.aclens.contracts.EventCodec;
import io.aclens.report.repository.AlertRepository;
import io.aclens.report.repository.SourceStateRepository;
import io.aclens.report.service.ClientStates;
import io.aclens.support.messaging.Transience;
import io.aclens.support.metrics.Freshness;
import io.aclens.support.tracing.EventTracing;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns which snapshot each source and each directory is at once its changes are known, so a report never shows a
 * matrix newer than its changes, asks for the client's alerts to be checked — after a directory's changes too — and has
 * the read model load a client it holds again at once. Poison records go to aclens.change-sets.v1.dlq (channel strategy); a database that is away is
 * waited for, never a reason to dead-letter.
 */
@ApplicationScoped
public class ChangeSetConsumer {
    private final SourceStateRepository sources;
    private final AlertRepository alerts;
    private final Freshness freshness;
    private final ClientStates clientStates;

    private final EventTracing tracing;
    private final Duration unchangedRecheck;

    public ChangeSetConsumer(SourceStateRepository sources, AlertRepository alerts, Freshness freshness, ClientStates clientStates,
                             EventTracing tracing, @ConfigProperty(name = "aclens.report.unchanged-recheck") Duration unchangedRecheck) {
        this.tracing = tracing;
        this.unchangedRecheck = unchangedRecheck;
        this.freshness = freshness;
        this.clientStates = clientStates;
        this.sources = sources;
        this.alerts = alerts;
    }

    @Incoming("change-sets")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        AclensEvent event = EventCodec.decode(record.headers(), record.value());
        return tracing.consume(record, "record change set", trace -> record(event));
    }

    private Uni<Void> record(AclensEvent event) {
        if (event instanceof ChangeSetCompleted changeSet) {
            // the read model forgets the client's version as soon as the write is committed, not after the alert request
            return Transience.retriedWhileTransient(sources.advance(changeSet.clientId(), changeSet.sourceId(), changeSet.snapshotId())
                            .invoke(() -> clientStates.sourceAdvanced(changeSet.clientId(), changeSet.sourceId(),
                                    changeSet.baseline() ? null : changeSet.previousSnapshotId(), changeSet.snapshotId()))
                            .chain(() -> changeSet.baseline() || changeSet.changeCount() > 0 ? alerts.requestCheck(changeSet.clientId())
                                    // a rescan that changed nothing: the whole client's findings again only now and then
                                    : alerts.requestCheckUnlessCheckedWithin(changeSet.clientId(), unchangedRecheck)),
                    Duration.ofSeconds(1), Duration.ofSeconds(30), "Recording change set of snapshot " + changeSet.snapshotId())
                    .invoke(() -> freshness.reached(Freshness.REPORTABLE, changeSet.clientId(), changeSet.sourceId(), changeSet.scanCompletedAt()));
        }
        if (event instanceof DirectoryChangeSetCompleted directoryChanges) {
            // the read model reloads the client once its directory moved; a membership or account change alone can give
            // someone access to a sensitive folder: check now, not at the next scan
            Uni<Void> recorded = sources.advanceDirectory(directoryChanges.clientId(), directoryChanges.directoryId(),
                    directoryChanges.directorySnapshotId()).invoke(() -> clientStates.changed(directoryChanges.clientId()));
            return Transience.retriedWhileTransient(directoryChanges.changeCount() == 0 ? recorded
                            : recorded.chain(() -> alerts.requestCheck(directoryChanges.clientId())), Duration.ofSeconds(1), Duration.ofSeconds(30),
                    "Recording directory change set of directory snapshot " + directoryChanges.directorySnapshotId());
        }
        throw new PoisonEventException("A " + event.getClass().getSimpleName() + " does not belong on the change-sets topic");
    }
}
