package io.aclens.collector.service;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.contracts.api.ConnectionTestResult;
import io.aclens.contracts.api.DirectorySettings;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.support.rest.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Settings of a source or directory checked before anything is tested or stored: each mistake answered as a 400 that names it. */
final class SourceValidation {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern SHARE = Pattern.compile("[^\\\\/:*?\"<>|\\p{Cntrl}]{1,80}");

    private SourceValidation() {
    }

    static SourceSettings validate(SourceSettings settings, String password, CollectorConfig config) {
        if (settings instanceof SourceSettings.Smb smb) {
            require(smb.host() != null && HOST.matcher(smb.host()).matches(), "settings.host must be a host name or address");
            require(smb.username() != null && !smb.username().isBlank() && noControl(smb.username()), "settings.username is required");
            require(smb.share() == null || smb.share().equals("*") || SHARE.matcher(smb.share()).matches(),
                    "settings.share must be a share name (or absent, or \"*\", for every disk share of the server)");
            require(smb.path() == null || (noControl(smb.path()) && !smb.path().startsWith("\\\\")),
                    "settings.path is a folder under the share, with backslashes");
            require(smb.port() == null || (smb.port() > 0 && smb.port() < 65536), "settings.port must be 1-65535");
            require(smb.parallelism() == null || (smb.parallelism() >= 1 && smb.parallelism() <= 1024), "settings.parallelism must be 1-1024");
            require(smb.connections() == null || (smb.connections() >= 1 && smb.connections() <= 64), "settings.connections must be 1-64");
            requireDepth(smb.maxDepth());
            requireOnePassword(password, smb.passwordFile());
            return smb;
        }
        if (settings instanceof SourceSettings.LinuxTree tree) {
            require(tree.root() != null && Path.of(tree.root()).isAbsolute(), "settings.root must be an absolute folder path");
            Path root = Path.of(tree.root()).normalize();
            require(config.allowedRoots().stream().map(Path::of).anyMatch(root::startsWith),
                    "settings.root " + root + " is outside the collector's allowed roots " + config.allowedRoots());
            requireDepth(tree.maxDepth());
            require(password == null, "A Linux tree is read by the collector itself: it takes no password");
            return new SourceSettings.LinuxTree(tree.kind(), root.toString(), tree.maxDepth(), tree.passwdFile(), tree.groupFile());
        }
        require(password == null, "An uploaded source takes no password: its agent authenticates with its own token");
        return settings;
    }

    static DirectorySettings validate(DirectorySettings settings, String password) {
        if (settings instanceof DirectorySettings.Ldap ldap) {
            require(ldap.url() != null && ldap.url().matches("(?i)ldaps?://[^/\\s]+(:\\d+)?/?"), "settings.url must be ldaps://host[:port] or ldap://host[:port]");
            require(ldap.baseDn() != null && !ldap.baseDn().isBlank(), "settings.baseDn is required");
            require(ldap.pageSize() == null || (ldap.pageSize() >= 1 && ldap.pageSize() <= 10000), "settings.pageSize must be 1-10000");
            requireOnePassword(password, ldap.passwordFile());
            require(ldap.bindDn() != null || (password == null && ldap.passwordFile() == null), "A password needs settings.bindDn");
            return ldap;
        }
        require(password == null, "Local passwd and group files take no password");
        return settings;
    }

    static ConnectionTestResult testLinuxTree(SourceSettings.LinuxTree tree) {
        Path root = Path.of(tree.root());
        if (!Files.isDirectory(root)) {
            return ConnectionTestResult.failed("root", root + " is not a folder on the collector's host");
        }
        try (Stream<Path> children = Files.list(root)) {
            long count = children.limit(1000).count();
            return ConnectionTestResult.passed("Listed " + root + " (" + (count == 1000 ? "1000+" : count) + " entries)");
        } catch (IOException | SecurityException e) {
            return ConnectionTestResult.failed("permissions", "The collector cannot list " + root + ": " + e.getMessage());
        }
    }

    private static void requireOnePassword(String password, String passwordFile) {
        boolean inline = password != null && !password.isEmpty();
        require(!(inline && passwordFile != null), "Give the password or settings.passwordFile, not both");
        require(passwordFile == null || Path.of(passwordFile).isAbsolute(), "settings.passwordFile must be an absolute path (a mounted secret)");
    }

    private static void requireDepth(Integer maxDepth) {
        require(maxDepth == null || maxDepth >= 0, "settings.maxDepth must not be negative");
    }

    private static boolean noControl(String value) {
        return value.chars().noneMatch(Character::isISOControl);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw ProblemException.badRequest(problem);
        }
    }
}
