package io.aclens.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads the CPU time of a process's threads from /proc (Linux). */
public final class ProcessThreads {
    /** The unit of /proc's times (USER_HZ): 100 a second on every architecture Linux exports them for. */
    private static final double TICKS_PER_SECOND = 100;
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
        String stat;
        try {
            stat = Files.readString(thread.resolve("stat"));
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
        // "tid (name) state ppid ...": the name may hold spaces and parentheses, so the fields start after the last ')'
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!named.test(name)) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
    }
}
