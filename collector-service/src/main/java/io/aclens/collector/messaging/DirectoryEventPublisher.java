package io.aclens.collector.messaging;

import io.aclens.contracts.DirectoryEvent;
import io.aclens.support.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes a directory sync's events on the "directory" channel (acks=all, idempotent, keyed by sync id), each awaited. */
@ApplicationScoped
public class DirectoryEventPublisher {
    private final MutinyEmitter<byte[]> emitter;

    public DirectoryEventPublisher(@Channel("directory") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public void sendAndAwait(DirectoryEvent event) {
        emitter.sendMessageAndAwait(EventMessages.of(event, ScanEventPublisher.SOURCE));
    }
}
