package io.aclens.posix;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Any extended attribute of a path, {@code system.*} and {@code security.*} included (which Java's own
 * {@code UserDefinedFileAttributeView} cannot reach), through libc's {@code getxattr}/{@code setxattr} via JNA.
 */
public final class ExtendedAttributes {
    private static final int INITIAL_BUFFER = 1024;
    private static final ThreadLocal<NativeBuffer> VALUE = ThreadLocal.withInitial(() -> new NativeBuffer(INITIAL_BUFFER));

    private ExtendedAttributes() {
    }

    /** A getxattr-like call: fills the native memory at {@code address}, answering the value's size, or -1 with errno set. */
    @FunctionalInterface
    interface Read {
        long into(long address, long size);
    }

    /** The attribute's value, or empty when the path has none or its file system keeps no such attributes. */
    public static Optional<byte[]> read(Path path, String name) throws IOException {
        NativeBuffer file = new NativeBuffer(Libc.PATH_MAX);
        long fileAddress = file.putCString(RawPaths.bytes(path));
        if (fileAddress < 0) {
            throw new IOException("Cannot read " + name + " of " + path + ": " + Libc.describe(Libc.ENAMETOOLONG));
        }
        NativeBuffer attribute = NativeBuffer.cString(name);
        Optional<byte[]> value = read((address, size) -> Libc.getxattr(fileAddress, attribute.address(), address, size),
                () -> "Cannot read " + name + " of " + path);
        Reference.reachabilityFence(file); // only their addresses went to the kernel
        Reference.reachabilityFence(attribute);
        return value;
    }

    /**
     * Calls {@code read} with this thread's buffer, grown until the value fits; empty when there is no such attribute.
     *
     * @param what names the attribute and the file in the exception's message
     */
    static Optional<byte[]> read(Read read, Supplier<String> what) throws IOException {
        NativeBuffer buffer = VALUE.get();
        while (true) {
            long size = read.into(buffer.address(), buffer.capacity());
            if (size >= 0) {
                return Optional.of(buffer.bytes((int) size));
            }
            int errno = Libc.errno();
            if (errno == Libc.ENODATA || errno == Libc.ENOTSUP) {
                return Optional.empty();
            }
            if (errno != Libc.ERANGE) {
                throw new IOException(what.get() + ": " + Libc.describe(errno));
            }
            buffer = new NativeBuffer(buffer.capacity() * 4);
            VALUE.set(buffer);
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
