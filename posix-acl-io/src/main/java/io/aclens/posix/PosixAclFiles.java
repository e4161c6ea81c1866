package io.aclens.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.aclens.access.PosixAcl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The access and default POSIX ACLs of a path, read from and written to the kernel's
 * {@code system.posix_acl_access} / {@code system.posix_acl_default} extended attributes with libc's
 * {@code getxattr}/{@code setxattr} (through JNA), so no {@code getfacl}/{@code setfacl} binary is needed.
 */
public final class PosixAclFiles {
    public static final String ACCESS = "system.posix_acl_access";
    public static final String DEFAULT = "system.posix_acl_default";

    private static final int ENODATA = 61;
    private static final int ENOTSUP = 95;
    private static final int ERANGE = 34;
    private static final int INITIAL_BUFFER = 1024;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[INITIAL_BUFFER]);

    static {
        if (!Platform.isLinux()) {
            throw new UnsupportedOperationException("POSIX ACLs through xattrs are read on Linux only");
        }
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private PosixAclFiles() {
    }

    private static native long getxattr(String path, String name, byte[] value, long size) throws LastErrorException;

    private static native int setxattr(String path, String name, byte[] value, long size, int flags) throws LastErrorException;

    private static native int removexattr(String path, String name) throws LastErrorException;

    /** The extended access ACL, or empty when the mode bits are the whole story. */
    public static Optional<PosixAcl> readAccess(Path path) throws IOException {
        return read(path, ACCESS);
    }

    /** The default ACL new children inherit, or empty when there is none. */
    public static Optional<PosixAcl> readDefault(Path path) throws IOException {
        return read(path, DEFAULT);
    }

    public static void writeAccess(Path path, PosixAcl acl) throws IOException {
        write(path, ACCESS, acl);
    }

    public static void writeDefault(Path path, PosixAcl acl) throws IOException {
        write(path, DEFAULT, acl);
    }

    public static void removeDefault(Path path) throws IOException {
        try {
            removexattr(path.toString(), DEFAULT);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != ENODATA) {
                throw failure("remove " + DEFAULT, path, e);
            }
        }
    }

    private static Optional<PosixAcl> read(Path path, String name) throws IOException {
        String file = path.toString();
        byte[] buffer = BUFFER.get();
        while (true) {
            try {
                long size = getxattr(file, name, buffer, buffer.length);
                byte[] value = new byte[(int) size];
                System.arraycopy(buffer, 0, value, 0, value.length);
                return Optional.of(PosixAcl.decode(value));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == ENODATA || e.getErrorCode() == ENOTSUP) {
                    return Optional.empty();
                }
                if (e.getErrorCode() != ERANGE) {
                    throw failure("read " + name, path, e);
                }
                buffer = new byte[buffer.length * 4];
                BUFFER.set(buffer);
            }
        }
    }

    private static void write(Path path, String name, PosixAcl acl) throws IOException {
        byte[] value = acl.encode();
        try {
            setxattr(path.toString(), name, value, value.length, 0);
        } catch (LastErrorException e) {
            throw failure("write " + name, path, e);
        }
    }

    private static IOException failure(String action, Path path, LastErrorException e) {
        String reason = switch (e.getErrorCode()) {
            case 1, 13 -> "permission denied";
            case 2 -> "no such file or directory";
            case 36 -> "file name too long";
            case ENOTSUP -> "the file system does not support POSIX ACLs";
            default -> "errno " + e.getErrorCode();
        };
        return new IOException("Cannot " + action + " of " + path + ": " + reason, e);
    }
}
