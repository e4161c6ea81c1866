package io.aclens.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU priority (nice value) of the calling thread, for work that can wait while people wait for answers: on Linux,
 * {@code setpriority} on the thread's own id; threads it starts inherit the value. Java's {@link Thread#setPriority} does
 * nothing on Linux, hence libc through JNA.
 */
public final class ThreadPriority {
    private static final int PRIO_PROCESS = 0;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final boolean AVAILABLE = Platform.isLinux() && Files.isDirectory(THREAD_SELF);

    static {
        if (AVAILABLE) {
            Native.register(Platform.C_LIBRARY_NAME);
        }
    }

    private ThreadPriority() {
    }

    private static native int setpriority(int which, int who, int prio) throws LastErrorException;

    /**
     * Sets the calling thread's nice value (0 normal, 19 lowest; raising it needs no privilege). Returns false where threads
     * have no nice value of their own (not Linux); the thread then runs as before.
     */
    public static boolean niceCurrentThread(int nice) throws IOException {
        checkNice(nice);
        if (!AVAILABLE) {
            return false;
        }
        try {
            setpriority(PRIO_PROCESS, currentThreadId(), nice);
            return true;
        } catch (LastErrorException e) {
            throw new IOException("Could not set this thread's nice value to " + nice + ": errno " + e.getErrorCode(), e);
        }
    }

    /** Refuses a value that is no nice value a thread can lower itself to: from 0 (normal) to 19 (lowest). */
    public static int checkNice(int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("A nice value from 0 (normal) to 19 (lowest), not " + nice);
        }
        return nice;
    }

    /** The calling thread's nice value; 0 where threads have none of their own. */
    public static int niceOfCurrentThread() throws IOException {
        return AVAILABLE ? niceOf(THREAD_SELF) : 0;
    }

    /** The nice value of the thread whose {@code /proc} directory this is, e.g. {@code /proc/self/task/<tid>}. */
    public static int niceOf(Path threadDirectory) throws IOException {
        return ProcStat.read(threadDirectory.resolve("stat")).nice();
    }

    /** The kernel's id of the calling thread: /proc/thread-self links to {@code <pid>/task/<tid>}. */
    private static int currentThreadId() throws IOException {
        String link = Files.readSymbolicLink(THREAD_SELF).toString();
        return Integer.parseInt(link.substring(link.lastIndexOf('/') + 1));
    }
}
