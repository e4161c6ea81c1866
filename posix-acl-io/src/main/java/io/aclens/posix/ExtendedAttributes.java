package io.aclens.posix;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Any extended attribute of a path, {@code system.*} and {@code security.*} included (which Java's own
 * {@code UserDefinedFileAttributeView} cannot reach), through libc's {@code getxattr}/{@code setxattr} via JNA.
 */
public final class ExtendedAttributes {
    private static final int INITIAL_BUFFER = 1024;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[INITIAL_BUFFER]);

    private ExtendedAttributes() {
    }

    /** A getxattr-like call: the value's size, or -1 with errno set. */
    @FunctionalInterface
    interface Read {
        long into(byte[] buffer, long size);
    }

    /** The attribute's value, or empty when the path has none or its file system keeps no such attributes. */
    public static Optional<byte[]> read(Path path, String name) throws IOException {
        byte[] file = RawPaths.cString(path);
        return read((buffer, size) -> Libc.getxattr(file, name, buffer, size), () -> "Cannot read " + name + " of " + path);
    }

    /**
     * Calls {@code read} with a buffer that grows until the value fits; empty when there is no such attribute.
     *
     * @param what names the attribute and the file in the exception's message
     */
    static Optional<byte[]> read(Read read, Supplier<String> what) throws IOException {
        byte[] buffer = BUFFER.get();
        while (true) {
            long size = read.into(buffer, buffer.length);
            if (size >= 0) {
                byte[] value = new byte[(int) size];
                System.arraycopy(buffer, 0, value, 0, value.length);
                return Optional.of(value);
            }
            int errno = Libc.errno();
            if (errno == Libc.ENODATA || errno == Libc.ENOTSUP) {
                return Optional.empty();
            }
            if (errno != Libc.ERANGE) {
                throw new IOException(what.get() + ": " + Libc.describe(errno));
            }
            buffer = new byte[buffer.length * 4];
            BUFFER.set(buffer);
        }
    }

    public static void write(Path path, String name, byte[] value) throws IOException {
        try {
            Libc.setxattr(RawPaths.cString(path), name, value, value.length, 0);
        } catch (LastErrorException e) {
            throw failure("write " + name, path, e);
        }
    }

    /** Removes the attribute; a path without it is left as it is. */
    public static void remove(Path path, String name) throws IOException {
        try {
            Libc.removexattr(RawPaths.cString(path), name);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Libc.ENODATA) {
                throw failure("remove " + name, path, e);
            }
        }
    }

    private static IOException failure(String action, Path path, LastErrorException e) {
        return new IOException("Cannot " + action + " of " + path + ": " + Libc.describe(e.getErrorCode()), e);
    }
}
