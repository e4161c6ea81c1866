package io.aclens.console.security;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Work that would stall an event loop (an Argon2 hash is ~50 ms of CPU) runs on a worker thread, and the result comes back
 * on the caller's Vert.x context, where Hibernate Reactive's session must go on.
 */
public final class OffTheEventLoop {
    private OffTheEventLoop() {
    }

    public static <T> Uni<T> compute(Supplier<T> work) {
        Context caller = Vertx.currentContext();
        Uni<T> computed = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return caller == null ? computed : computed.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }
}
