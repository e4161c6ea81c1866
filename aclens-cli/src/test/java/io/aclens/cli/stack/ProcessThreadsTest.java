package io.aclens.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ProcessThreadsTest {
    private static final long PID = ProcessHandle.current().pid();

    @Test
    void countsTheCpuOfTheThreadsNamedOnlyEvenWhenTheNameHoldsSpacesAndParentheses() {
        String name = "spin (test) 1";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean spun = new AtomicBoolean();
        Thread spinner = new Thread(() -> {
            long start = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - start < 400_000_000L) { // 0.4 CPU-s, by the JVM's own clock
                Thread.onSpinWait();
            }
            spun.set(true);
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park(); // alive, so that its /proc entry is still there when read
            }
        }, name);
        spinner.setDaemon(true);
        spinner.start();
        try {
            await().atMost(Duration.ofMinutes(1)).untilTrue(spun);

            assertThat(ProcessThreads.cpuSeconds(PID, name::equals)).isBetween(0.35, 5.0);
            assertThat(ProcessThreads.cpuSeconds(PID, n -> n.equals("no such thread"))).isZero();
        } finally {
            spinner.interrupt();
        }
    }

    @Test
    void aJvmsJitCompilerThreadsAreFoundByTheirKernelNames() {
        // this JVM compiled the test framework's code before running this: its compilers have used some CPU
        assertThat(ProcessThreads.cpuSeconds(PID, ProcessThreads.JIT_COMPILERS)).isPositive();
        assertThat(ProcessThreads.cpuSeconds(Long.MAX_VALUE, ProcessThreads.JIT_COMPILERS)).isZero();
    }
}
