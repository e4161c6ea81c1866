package io.aclens.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

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
    static final int STATX_NLINK = 0x4;
    /** The longest path the kernel takes, its NUL included. */
    static final int PATH_MAX = 4096;
    static final int STATX_SIZE = 256;
    /** Offsets in struct statx. */
    static final int STATX_MASK_AT = 0;
    static final int STATX_NLINK_AT = 16;
    static final int STATX_UID_AT = 20;
    static final int STATX_GID_AT = 24;
    static final int STATX_MODE_AT = 28;
    static final int STATX_DEV_MAJOR_AT = 136;
    static final int STATX_DEV_MINOR_AT = 140;
    /** struct statfs, whose first field (f_type, a long on 64-bit Linux) names the file system. */
    static final int STATFS_SIZE = 128;
    static final long EXT2_3_4 = 0xEF53;
    static final long XFS = 0x58465342;
    static final long TMPFS = 0x01021994;
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

    // Pointers travel as addresses of NativeBuffers (see there why); the calls of the walk's hot path take nothing else.

    static native int openat(int dirFd, long path, int flags, int mode);

    static native int close(int fd);

    static native long getdents64(int fd, long entries, long size);

    static native int statx(int dirFd, long path, int flags, int mask, long statx);

    static native int fstatfs(int fd, long statfs);

    static native long getxattr(long path, long name, long value, long size);

    static native long fgetxattr(int fd, long name, long value, long size);

    static native int setxattr(byte[] path, String name, byte[] value, long size, int flags) throws LastErrorException;

    static native int removexattr(byte[] path, String name) throws LastErrorException;

    static int errno() {
        return Native.getLastError();
    }

    /**
     * Why a call given the C string at {@code cString} failed: its errno, or ENAMETOOLONG when the string did not fit
     * ({@link NativeBuffer#putCString} answered -1) and so the call was never made.
     */
    static int errnoOf(long cString) {
        return cString < 0 ? ENAMETOOLONG : errno();
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
