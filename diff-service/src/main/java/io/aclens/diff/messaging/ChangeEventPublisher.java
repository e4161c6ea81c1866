package io.aclens.diff.messaging;

import io.aclens.contracts.AccessChanged;
import io.aclens.contracts.AclensEvent;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.DirectoryChangeSetCompleted;
import io.aclens.contracts.EffectiveAccessChanged;
import io.aclens.support.messaging.EventMessages;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes a snapshot's changes, then the change set's completion, each acknowledged by the broker. */
@ApplicationScoped
public class ChangeEventPublisher {
    private static final String SOURCE = "/aclens/diff";
    private static final int CONCURRENT_SENDS = 256;

    private final MutinyEmitter<byte[]> accessChanges;
    private final MutinyEmitter<byte[]> changeSets;

    public ChangeEventPublisher(@Channel("access-changes") MutinyEmitter<byte[]> accessChanges,
                                @Channel("change-sets") MutinyEmitter<byte[]> changeSets) {
        this.accessChanges = accessChanges;
        this.changeSets = changeSets;
    }

    public Uni<Void> accessChanges(List<AccessChanged> events, Context trace) {
        return sendAll(events, trace);
    }

    public Uni<Void> effectiveChanges(List<EffectiveAccessChanged> events, Context trace) {
        return sendAll(events, trace);
    }

    private Uni<Void> sendAll(List<? extends AclensEvent> events, Context trace) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUni(event -> accessChanges.sendMessage(EventMessages.of(event, SOURCE, trace))).merge(CONCURRENT_SENDS)
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> changeSetCompleted(ChangeSetCompleted event, Context trace) {
        return changeSets.sendMessage(EventMessages.of(event, SOURCE, trace));
    }

    public Uni<Void> directoryChangeSetCompleted(DirectoryChangeSetCompleted event, Context trace) {
        return changeSets.sendMessage(EventMessages.of(event, SOURCE, trace));
    }
}
