package io.aclens.cli.bench;

import io.aclens.cli.stack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/** CPU seconds each process of a benchmark used between two moments: the stack's, and others it names (e.g. smbd). */
final class CpuMeter {
    private final Stack stack;
    private final Map<String, DoubleSupplier> others;

    CpuMeter(Stack stack, Map<String, DoubleSupplier> others) {
        this.stack = stack;
        this.others = others;
    }

    /** CPU seconds used so far, per process. */
    Map<String, Double> read() {
        Map<String, Double> cpu = new LinkedHashMap<>(stack.cpuSeconds());
        others.forEach((name, seconds) -> cpu.put(name, seconds.getAsDouble()));
        return cpu;
    }

    /** CPU seconds used so far by all the processes together. */
    double total() {
        return read().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU seconds the stack's JIT compiler threads used so far. */
    double jitCompilers() {
        return stack.jitCompilerCpuSeconds();
    }

    /**
     * Waits until the processes together used less than {@code busy} CPU seconds in each of two {@code window}s in a row:
     * what one scan left to do in the background (a diff, a read model loading) is then done, and the next scan is measured
     * on its own, as a monthly scan runs. Returns how long that took.
     *
     * @throws IllegalStateException when they are still busy after {@code timeout}
     */
    Duration awaitIdle(Duration window, double busy, Duration timeout) throws InterruptedException {
        Instant start = Instant.now();
        Map<String, Double> windowStart = read();
        int quietWindows = 0;
        while (quietWindows < 2) {
            Thread.sleep(window.toMillis()); // a measuring interval, not a wait for a condition
            Map<String, Double> windowEnd = read();
            double used = windowEnd.entrySet().stream().mapToDouble(e -> e.getValue() - windowStart.getOrDefault(e.getKey(), 0.0)).sum();
            quietWindows = used < busy ? quietWindows + 1 : 0;
            if (quietWindows < 2 && Duration.between(start, Instant.now()).compareTo(timeout) > 0) {
                throw new IllegalStateException("The services were still busy after " + timeout.toSeconds() + " s; CPU seconds in the last "
                        + window.toMillis() + " ms: " + usedSince(windowStart));
            }
            windowStart.putAll(windowEnd);
        }
        return Duration.between(start, Instant.now());
    }

    /** CPU seconds used since {@code before} (a {@link #read()}), per process, to one decimal. */
    Map<String, String> usedSince(Map<String, Double> before) {
        Map<String, String> used = new LinkedHashMap<>();
        read().forEach((name, seconds) -> used.put(name, String.format(Locale.ROOT, "%.1f", seconds - before.getOrDefault(name, 0.0))));
        return used;
    }
}
