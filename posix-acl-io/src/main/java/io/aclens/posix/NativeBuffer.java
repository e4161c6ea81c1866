package io.aclens.posix;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Native memory that libc calls read or fill, handed to them by its address. JNA passes a {@code long} as it is, where it
 * copies a {@code byte[]} in and out of native memory and encodes a {@code String} anew, through calls back into the JVM,
 * on every call: on a tree walk that glue cost a fifth of the walking threads' CPU, as much as all the collector's own
 * work on a folder. Not thread-safe: each thread keeps its own for what changes, constants are only read.
 */
final class NativeBuffer {
    private final ByteBuffer buffer;
    private final long address;

    NativeBuffer(int capacity) {
        buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
        address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    /** A NUL-terminated constant, such as an extended attribute's name. */
    static NativeBuffer cString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        NativeBuffer constant = new NativeBuffer(bytes.length + 1);
        constant.putCString(bytes);
        return constant;
    }

    /** The memory's contents, in the platform's byte order; the calls given {@link #address()} fill it. */
    ByteBuffer buffer() {
        return buffer;
    }

    long address() {
        return address;
    }

    int capacity() {
        return buffer.capacity();
    }

    /**
     * Writes the bytes and a NUL after them, for a call that takes a C string.
     *
     * @return the address, or -1 when they do not fit (a path longer than the kernel takes: ENAMETOOLONG)
     */
    long putCString(byte[] bytes) {
        if (bytes.length >= buffer.capacity()) {
            return -1;
        }
        buffer.put(0, bytes).put(bytes.length, (byte) 0);
        return address;
    }

    /** The first {@code length} bytes, copied. */
    byte[] bytes(int length) {
        byte[] copy = new byte[length];
        buffer.get(0, copy);
        return copy;
    }
}
