package io.aclens.posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fields of a process's or a thread's {@code /proc/<pid>/stat} (or {@code /proc/<pid>/task/<tid>/stat}) that ACLens
 * reads (Linux).
 *
 * @param name          the command or thread name, at most 15 characters (it may hold spaces and parentheses)
 * @param cpuTicks      user and system CPU time used so far (utime + stime), in {@link #TICKS_PER_SECOND}
 * @param endedChildrenCpuTicks the same of its children that ended and were waited for (cutime + cstime)
 * @param nice          its nice value
 */
public record ProcStat(String name, long cpuTicks, long endedChildrenCpuTicks, int nice) {
    /** The unit of /proc's times (USER_HZ): 100 a second on every architecture Linux exports them for. */
    public static final int TICKS_PER_SECOND = 100;

    /** Reads a {@code stat} file; an {@link IOException} when it is gone (the process or thread ended). */
    public static ProcStat read(Path statFile) throws IOException {
        return parse(Files.readString(statFile));
    }

    static ProcStat parse(String stat) {
        // "pid (name) state ppid ...": the name may hold spaces and parentheses, so the fields start after the last ')';
        // state is field 3 of proc(5), hence index n - 3 below
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new ProcStat(name, Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]),
                Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]), Integer.parseInt(fields[19 - 3]));
    }

    public double cpuSeconds() {
        return cpuTicks / (double) TICKS_PER_SECOND;
    }
}
