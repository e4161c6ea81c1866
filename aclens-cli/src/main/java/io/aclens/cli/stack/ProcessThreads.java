package io.aclens.cli.stack;

import io.aclens.posix.ProcStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads the CPU time of a process's threads from /proc (Linux). */
public final class ProcessThreads {
    /** The JVM's JIT compiler threads, as the kernel names them (15 characters at most: "C2 CompilerThre"). */
    public static final Predicate<String> JIT_COMPILERS = name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");

    private ProcessThreads() {
    }

    /** CPU seconds the process's threads whose names {@code named} accepts used so far; 0 where /proc does not say. */
    public static double cpuSeconds(long pid, Predicate<String> named) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.mapToDouble(thread -> cpuSecondsOf(thread, named)).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static double cpuSecondsOf(Path thread, Predicate<String> named) {
        try {
            ProcStat stat = ProcStat.read(thread.resolve("stat"));
            return named.test(stat.name()) ? stat.cpuSeconds() : 0;
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
