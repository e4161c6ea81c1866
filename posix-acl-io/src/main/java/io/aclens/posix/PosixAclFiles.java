package io.aclens.posix;

import io.aclens.access.PosixAcl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The access and default POSIX ACLs of a path, read from and written to the kernel's
 * {@code system.posix_acl_access} / {@code system.posix_acl_default} extended attributes with libc's
 * {@code getxattr}/{@code setxattr} ({@link ExtendedAttributes}), so no {@code getfacl}/{@code setfacl} binary is needed.
 */
public final class PosixAclFiles {
    public static final String ACCESS = "system.posix_acl_access";
    public static final String DEFAULT = "system.posix_acl_default";

    private PosixAclFiles() {
    }

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
        ExtendedAttributes.remove(path, DEFAULT);
    }

    private static Optional<PosixAcl> read(Path path, String name) throws IOException {
        return ExtendedAttributes.read(path, name).map(PosixAcl::decode);
    }

    private static void write(Path path, String name, PosixAcl acl) throws IOException {
        ExtendedAttributes.write(path, name, acl.encode());
    }
}
