package io.aclens.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThreadPriorityTest {
    @Test
    void lowersOnlyTheCallingThreadAndTheThreadsItStarts() throws Exception {
        int before = ThreadPriority.niceOfCurrentThread();
        AtomicInteger startedByIt = new AtomicInteger(-1);

        int lowered = CompletableFuture.supplyAsync(() -> {
            try {
                assertThat(ThreadPriority.niceCurrentThread(Math.max(10, before))).isTrue();
                Thread child = new Thread(() -> {
                    try {
                        startedByIt.set(ThreadPriority.niceOfCurrentThread());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                child.start();
                child.join();
                return ThreadPriority.niceOfCurrentThread();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, command -> new Thread(command).start()).get();

        assertThat(lowered).isEqualTo(Math.max(10, before));
        assertThat(startedByIt).hasValue(lowered);
        assertThat(ThreadPriority.niceOfCurrentThread()).as("the caller's own thread").isEqualTo(before);
    }

    @Test
    void refusesValuesOutsideNiceRange() {
        assertThatThrownBy(() -> ThreadPriority.niceCurrentThread(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadPriority.niceCurrentThread(20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadPriority.checkNice(20)).hasMessageContaining("0 (normal) to 19 (lowest), not 20");
        assertThat(ThreadPriority.checkNice(19)).isEqualTo(19);
        assertThat(ThreadPriority.checkNice(0)).isZero();
    }

    @Test
    void readsTheNiceValueOfAnyThreadOfThisProcess() throws Exception {
        int before = ThreadPriority.niceOfCurrentThread();
        java.nio.file.Path self = java.nio.file.Path.of("/proc/thread-self").toRealPath();
        assertThat(ThreadPriority.niceOf(self)).isEqualTo(before);
    }
}
