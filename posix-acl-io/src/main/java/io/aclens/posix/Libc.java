package io.aclens.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.ByteBuffer;

/**
 * The libc calls of this module, mapped directly (JNA's fastest way). Failing calls answer -1 and leave errno in
 * {@link Native#getLastError()} rather than throwing: on a tree walk most folders lack an ACL, and an exception per
 * folder costs more than reading it.
 */
final class Libc {
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_EMPTY_PATH = 0x1000;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    /** O_DIRECTORY | O_NOFOLLOW, whose values differ between x86-64 and arm64. */
    static final int O_DIRECTORY_NOFOLLOW;
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EACCES = 13;
    static final int ENOTDIR = 20;
    static final int EMFILE = 24;
    static final int ERANGE = 34;
    static final int ENAMETOOLONG = 36;
    static final int ELOOP = 40;
    static final int ENODATA = 61;
    static final int ENOTSUP = 95;
    static final int DT_UNKNOWN = 0;
    static final int DT_DIR = 4;
    static final int STATX_TYPE_MODE_UID_GID = 0x1 | 0x2 | 0x8 | 0x10;
    static final int STATX_SIZE = 256;
    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;

    static {
        if (!Platform.isLinux()) {
            throw new UnsupportedOperationException("Linux calls are made on Linux only");
        }
        O_DIRECTORY_NOFOLLOW = switch (Platform.ARCH) {
            case "x86-64" -> 0x10000 | 0x20000;
            case "aarch64" -> 0x4000 | 0x8000;
            default -> throw new UnsupportedOperationException("Folder walks are written for x86-64 and arm64 Linux, not " + Platform.ARCH);
        };
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private Libc() {
    }

    static native int openat(int dirFd, byte[] path, int flags, int mode);

    static native int close(int fd);

    static native long getdents64(int fd, ByteBuffer entries, long size);

    static native int statx(int dirFd, byte[] path, int flags, int mask, ByteBuffer statx);

    static native long getxattr(byte[] path, String name, byte[] value, long size);

    static native long fgetxattr(int fd, String name, byte[] value, long size);

    static native int setxattr(byte[] path, String name, byte[] value, long size, int flags) throws LastErrorException;

    static native int removexattr(byte[] path, String name) throws LastErrorException;

    static int errno() {
        return Native.getLastError();
    }

    /** errno in words, for reasons an operator reads. */
    static String describe(int errno) {
        return switch (errno) {
            case EPERM, EACCES -> "permission denied";
            case ENOENT -> "no such file or directory";
            case ENOTDIR -> "not a folder";
            case EMFILE -> "too many open files";
            case ENAMETOOLONG -> "file name too long";
            case ELOOP -> "a symbolic link";
            case ENOTSUP -> "the file system does not support this extended attribute";
            default -> "errno " + errno;
        };
    }
}
