package io.aclens.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "aclens.collector")
public interface CollectorConfig {

    /** Folders a scan may start in; a request for a root outside them is refused. */
    @WithDefault("/")
    List<String> allowedRoots();

    /** Folders sent but not yet acknowledged by Kafka; bounds memory while a large tree streams out. */
    @WithDefault("20000")
    int maxInFlightEvents();

    /**
     * Folders per {@code FoldersScanned} event, at most; a batch is also closed at about 256 KiB of JSON, far below
     * Kafka's 1 MiB message limit, whatever its folders' paths and descriptors.
     */
    @WithDefault("1000")
    int foldersPerEvent();

    /** Largest agent upload accepted, in bytes; a larger one is refused (413) before anything is published. */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /** The key (32 bytes, base64) that seals registered sources' and directories' passwords; see {@link #secretKeyFile()}. */
    Optional<String> secretKey();

    /** A file holding that key (a mounted secret); read when {@link #secretKey()} is absent. */
    Optional<String> secretKeyFile();

    /**
     * How long a queued or running scan stays this replica's without a renewal (renewed every third of it): a collector
     * killed mid-scan leaves its scans to be taken over this long after.
     */
    @WithDefault("60s")
    java.time.Duration scanLease();

    /** How often a running scan tells the snapshot service it is alive (ScanHeartbeat), with how many folders it read so far. */
    @WithDefault("60s")
    java.time.Duration heartbeatInterval();

    /** How often every consumer group's lag and the dead letters are read from the broker (LagMonitor). */
    @WithDefault("10s")
    java.time.Duration lagInterval();

    /** How often registrations are re-read, so that changes made through another replica take effect. */
    @WithDefault("30s")
    java.time.Duration registryRefresh();

    /** Scans that run at the same time; further requests wait in line. */
    @WithDefault("2")
    int parallelScans();

    /**
     * The scan threads' nice value (0 normal to 19 lowest; Linux): a scan is work that can wait, so on a machine it shares
     * with the services answering questions it takes the CPU they leave. 0 runs scans at the services' priority.
     */
    @WithDefault("10")
    int scanNice();

    /**
     * Threads a scan of a folder tree on this host reads it with, subtrees at once: most of a walk is the kernel's calls,
     * which then run on more than one core, and a disk whose cache is cold gets more than one request at a time.
     */
    @WithDefault("2")
    int walkThreads();

    /**
     * Whether a rescan sends only what changed: it asks the snapshot service for its source's last snapshot (each folder's
     * fingerprint, 16 bytes a folder in memory) and sends the folders not in it as they are, and which are gone. false
     * sends every folder every time.
     */
    @WithDefault("true")
    boolean sendOnlyChanges();

    /** Scans to run on a cron schedule, e.g. {@code aclens.collector.schedules.acme-fs1.cron=0 0 2 * * ?}. */
    java.util.Map<String, ScheduledScan> schedules();

    /**
     * Windows/SMB shares read remotely, by name, e.g. {@code aclens.collector.smb-sources.acme-fs1.host=fs1.acme.local}.
     * The password comes from {@code password-file} (a mounted secret) or {@code password}; it never appears
     * in logs, events or REST answers.
     */
    java.util.Map<String, SmbSource> smbSources();

    /**
     * Directories read for people and groups, by name, e.g. {@code aclens.collector.directories.acme-ad.kind=active-directory}.
     * Bind passwords come from {@code password-file} or {@code password} and never appear in logs, events or REST answers.
     */
    java.util.Map<String, DirectorySource> directories();

    interface DirectorySource {
        String clientId();

        /** active-directory, ldap (inetOrgPerson/groupOfNames/posix) or local (passwd/group files). */
        String kind();

        /** ldaps://host:636, or ldap://host:389 upgraded with StartTLS; the server's certificate must name the host. */
        Optional<String> url();

        /** Allows plain ldap:// without StartTLS (credentials and directory data in clear text): never by default, logged when used. */
        @WithDefault("false")
        boolean allowPlaintext();

        /** For LDAPS: a trust store holding the domain controllers' CA (an MSP's internal CA); the JVM's trust store otherwise. */
        Optional<String> trustStore();

        Optional<String> trustStorePassword();

        @WithDefault("PKCS12")
        String trustStoreType();

        Optional<String> baseDn();

        Optional<String> bindDn();

        Optional<String> password();

        Optional<String> passwordFile();

        /** AD returns at most 1,000 entries a page. */
        @WithDefault("1000")
        int pageSize();

        @WithDefault("/etc/passwd")
        String passwdFile();

        @WithDefault("/etc/group")
        String groupFile();

        /** Local accounts below this uid are system accounts, not people. */
        @WithDefault("1000")
        long minUid();

        /** Quartz-style cron; no schedule when absent. */
        Optional<String> cron();

        /** Default: kind:name. */
        Optional<String> directoryId();
    }

    interface SmbSource {
        String clientId();

        String host();

        @WithDefault("445")
        int port();

        /** The share to scan; absent (or {@code *}) for every disk share of the server, discovered and scanned one after another. */
        Optional<String> share();

        /** With a whole server: also the administrative shares ({@code C$}, {@code ADMIN$}, …). */
        @WithDefault("false")
        boolean includeAdministrativeShares();

        /** Folder under the share to start from, with backslashes; the share root when absent. */
        Optional<String> path();

        Optional<String> domain();

        String username();

        Optional<String> password();

        Optional<String> passwordFile();

        /** Quartz-style cron; no schedule when absent. */
        Optional<String> cron();

        Optional<Integer> maxDepth();

        /**
         * Folders read at once: each connection sends the requests of its share of them before awaiting the
         * answers (64 over 4 connections scanned fastest against Samba on loopback).
         */
        @WithDefault("64")
        int parallelism();

        /** Connections (sessions) the folders are spread over. */
        @WithDefault("4")
        int connections();

        /** Default: smb:\\host\share[\path]; for a whole server, each share's is this plus ":" and the share's name. */
        Optional<String> sourceId();
    }

    interface ScheduledScan {
        String clientId();

        String root();

        Optional<String> sourceId();

        /** Quartz-style cron, seconds first. Monthly at 02:00 on the 1st by default. */
        @WithDefault("0 0 2 1 * ?")
        String cron();

        Optional<Integer> maxDepth();
    }
}
