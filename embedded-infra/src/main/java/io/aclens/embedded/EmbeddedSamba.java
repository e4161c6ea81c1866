package io.aclens.embedded;

import io.aclens.posix.ProcStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real standalone Samba server (Debian's smbd) on 127.0.0.1:445 serving one share with NT ACLs kept in
 * xattrs (vfs acl_xattr). Needs root and the samba + smbclient packages (./aclens test installs them).
 * {@code aclensadm} is an admin user that sets ACLs; {@code aclenssvc} is the plain service account that scans.
 * Used by the collector's SMB tests and by {@code ./aclens bench-smb}.
 */
public final class EmbeddedSamba implements AutoCloseable {
    public static final String SHARE = "data";
    /** A second, small disk share: a source naming the whole server discovers both. */
    public static final String OTHER_SHARE = "archive";
    /**
     * The account that may read a share's own permissions: Samba (like Windows) returns them over SRVSVC only to an
     * administrator of the server, which for a standalone Samba is root. Known to this server's own passdb only.
     */
    public static final String SERVER_ADMIN = "root";
    public static final String ADMIN = "aclensadm";
    public static final String SERVICE = "aclenssvc";
    public static final String PASSWORD = "Aclens-Test-1";

    private final Path dir;
    private final Path config;
    private final ProcessHandle smbd;

    private EmbeddedSamba(Path dir, Path config, ProcessHandle smbd) {
        this.dir = dir;
        this.config = config;
        this.smbd = smbd;
    }

    public static EmbeddedSamba start() throws IOException, InterruptedException {
        try (Socket taken = new Socket("127.0.0.1", 445)) {
            // otherwise the readiness check below would greet that server, and tests would run against it
            throw new IllegalStateException("Port 445 is in use (another smbd?): stop it first (systemctl stop smbd)");
        } catch (IOException free) {
            // nobody listens: ours can
        }
        Path dir = Files.createTempDirectory("aclens-samba-");
        for (String sub : List.of("private", "lock", "state", "cache", "pid", "share", OTHER_SHARE)) {
            Files.createDirectories(dir.resolve(sub));
        }
        // smbd enters the share path as the connecting Unix user: it must be able to traverse to it
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("share"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve(OTHER_SHARE), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = dir.resolve("smb.conf");
        Files.writeString(config, String.join("\n",
                "[global]", "netbios name = ACLENSTEST", "workgroup = WORKGROUP", "server role = standalone server",
                "security = user", "interfaces = lo", "bind interfaces only = yes", "smb ports = 445",
                "private dir = " + dir.resolve("private"), "lock directory = " + dir.resolve("lock"),
                "state directory = " + dir.resolve("state"), "cache directory = " + dir.resolve("cache"),
                "pid directory = " + dir.resolve("pid"), "log file = " + dir.resolve("log.%m"), "disable spoolss = yes",
                "load printers = no", "printcap name = /dev/null", "map to guest = never",
                "[" + SHARE + "]", "path = " + dir.resolve("share"), "read only = no", "vfs objects = acl_xattr",
                "acl_xattr:ignore system acls = yes", "admin users = " + ADMIN,
                "[" + OTHER_SHARE + "]", "path = " + dir.resolve(OTHER_SHARE), "read only = no", "vfs objects = acl_xattr",
                "acl_xattr:ignore system acls = yes", "admin users = " + ADMIN, ""), StandardCharsets.UTF_8);
        for (String user : List.of(ADMIN, SERVICE, "petrova")) {
            if (exec(List.of("id", user)).exit != 0) {
                check(exec(List.of("useradd", "-M", "-s", "/usr/sbin/nologin", user)));
            }
        }
        if (exec(List.of("getent", "group", "finance")).exit != 0) {
            check(exec(List.of("groupadd", "finance")));
        }
        for (String user : List.of(ADMIN, SERVICE, "petrova", SERVER_ADMIN)) {
            check(exec(List.of("smbpasswd", "-c", config.toString(), "-s", "-a", user), PASSWORD + "\n" + PASSWORD + "\n"));
        }
        // smbd daemonises itself (fork and a session of its own): when it stops it signals its whole process
        // group, which must never be ours (the test JVM, the build, the shell)
        check(exec(List.of("smbd", "-D", "-s", config.toString())));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ProcessHandle smbd = null;
        while (true) {
            if (smbd == null) {
                smbd = pidFile(dir.resolve("pid")).flatMap(ProcessHandle::of).orElse(null);
            }
            if (smbd != null) {
                try (Socket ignored = new Socket("127.0.0.1", 445)) {
                    break;
                } catch (IOException notYet) {
                    // still starting
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("smbd did not start; see " + dir.resolve("log.smbd"));
            }
            Thread.sleep(50);
        }
        return new EmbeddedSamba(dir, config, smbd);
    }

    public Path shareDir() {
        return dir.resolve("share");
    }

    public static String userSid(String user) {
        Result id = exec(List.of("id", "-u", user));
        check(id);
        return "S-1-22-1-" + id.output.strip();
    }

    public static String groupSid(String group) {
        Result entry = exec(List.of("getent", "group", group));
        check(entry);
        return "S-1-22-2-" + entry.output.split(":")[2];
    }

    /** Runs smbcacls as the admin user on a path of the share (backslashes, relative to the share root). */
    public String smbcacls(String path, String... arguments) {
        List<String> command = new ArrayList<>(List.of("smbcacls", "-s", config.toString(), "-U", ADMIN + "%" + PASSWORD,
                "//127.0.0.1/" + SHARE, path.isEmpty() ? "\\" : path));
        command.addAll(List.of(arguments));
        Result result = exec(command);
        check(result);
        return result.output;
    }

    /** The rights Samba itself grants {@code user} on a path of the share: folder and share permissions together (MxAc). */
    public int maximumAccess(String user, String path) {
        Result result = exec(List.of("smbcacls", "-s", config.toString(), "-U", user + "%" + PASSWORD, "//127.0.0.1/" + SHARE,
                path.isEmpty() ? "\\" : path, "-x"));
        check(result);
        String line = result.output.lines().filter(l -> l.startsWith("Maximum access:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no maximum access for " + user + " on " + path + ": " + result.output));
        return Integer.parseUnsignedInt(line.substring(line.indexOf("0x") + 2).strip(), 16);
    }

    /** Replaces a share's own permissions (sharesec), e.g. {@code S-1-1-0:ALLOWED/0x0/READ}. */
    public void setSharePermissions(String share, String acl) {
        check(exec(List.of("sharesec", "-s", config.toString(), share, "--replace=" + acl)));
    }

    /** A Unix group with these users as members (created if missing); its SID as Samba names it. */
    public static String unixGroup(String name, String... members) {
        if (exec(List.of("getent", "group", name)).exit != 0) {
            check(exec(List.of("groupadd", name)));
        }
        for (String member : members) {
            check(exec(List.of("usermod", "-aG", name, member)));
        }
        return groupSid(name);
    }

    /**
     * Creates a local group of this server (an alias of its own SAM, mapped onto a Unix group of its own, as standalone
     * Samba keeps them) with the given members; returns its SID. Samba puts a local group into a session's token when a
     * member is one of the session's Unix groups ({@link #unixGroup}); its users' own S-1-22-1 SIDs do not match.
     */
    public String addLocalGroup(String name, String unixGroup, String... memberSids) {
        if (exec(List.of("getent", "group", unixGroup)).exit != 0) {
            check(exec(List.of("groupadd", unixGroup)));
        }
        Result added = exec(List.of("net", "-s", config.toString(), "groupmap", "add", "ntgroup=" + name, "unixgroup=" + unixGroup,
                "type=local"));
        check(added);
        Result listed = exec(List.of("net", "-s", config.toString(), "groupmap", "list", "ntgroup=" + name));
        check(listed);
        String sid = listed.output.substring(listed.output.indexOf('(') + 1, listed.output.indexOf(')'));
        for (String member : memberSids) {
            check(exec(List.of("net", "-s", config.toString(), "groupmap", "addmem", sid, member)));
        }
        return sid;
    }

    /** The descriptor exactly as Samba reports it (numeric masks and SIDs). */
    public String sddl(String path) {
        return smbcacls(path, "--sddl", "--numeric").lines().filter(line -> line.contains("D:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SDDL for " + path)).strip();
    }

    /** Creates a folder over SMB, so it inherits its parent's NT ACL as Windows would. */
    public void mkdirOverSmb(String path) {
        check(exec(List.of("smbclient", "-s", config.toString(), "-U", ADMIN + "%" + PASSWORD, "//127.0.0.1/" + SHARE,
                "-c", "mkdir \"" + path + "\"")));
    }

    /**
     * CPU seconds used by smbd so far: the parent, the per-client processes still running and those that ended
     * (counted in the parent's children times once reaped). Linux only.
     */
    public double cpuSeconds() {
        long ticks = ticks(smbd.pid(), true) + smbd.descendants().mapToLong(child -> ticks(child.pid(), false)).sum();
        return ticks / (double) ProcStat.TICKS_PER_SECOND;
    }

    private static long ticks(long pid, boolean withEndedChildren) {
        try {
            ProcStat stat = ProcStat.read(Path.of("/proc", Long.toString(pid), "stat"));
            return withEndedChildren ? stat.cpuTicks() + stat.endedChildrenCpuTicks() : stat.cpuTicks();
        } catch (IOException | RuntimeException ended) {
            return 0; // the process ended meanwhile; its time is in the parent's children times
        }
    }

    @Override
    public void close() {
        // smbd forks a process per client; stopping the parent stops its process group, children included
        smbd.destroy();
        try {
            smbd.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            smbd.destroyForcibly();
        }
    }

    private static java.util.Optional<Long> pidFile(Path pidDir) throws IOException {
        try (var files = Files.list(pidDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("smbd")).toList()) {
                String text = Files.readString(file).strip();
                if (!text.isEmpty()) {
                    return java.util.Optional.of(Long.parseLong(text));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public record Result(int exit, String output) {
    }

    public static Result exec(List<String> command) {
        return exec(command, null);
    }

    public static Result exec(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + " (is Samba installed? ./aclens test installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Result result) {
        if (result.exit != 0) {
            throw new IllegalStateException("Command failed (" + result.exit + "): " + result.output);
        }
    }
}
