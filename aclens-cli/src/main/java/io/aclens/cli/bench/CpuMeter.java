package io.aclens.cli.bench;

import io.aclens.cli.stack.Stack;
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

    /** CPU seconds used since {@code before} (a {@link #read()}), per process, to one decimal. */
    Map<String, String> usedSince(Map<String, Double> before) {
        Map<String, String> used = new LinkedHashMap<>();
        read().forEach((name, seconds) -> used.put(name, String.format(Locale.ROOT, "%.1f", seconds - before.getOrDefault(name, 0.0))));
        return used;
    }
}
