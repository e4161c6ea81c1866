package io.aclens.collector.smb;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.config.Secrets;
import io.aclens.collector.service.Rerun;
import io.aclens.collector.service.ScanService;
import io.aclens.contracts.api.ScanStatus;
import io.aclens.contracts.api.ConnectionTestResult;
import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts scans of SMB sources, configured or registered over the API. A source names a share, or a whole server: then its
 * disk shares are discovered (NetShareEnum; administrative {@code $} shares only when asked for) and each is
 * queued as a scan of its own, one after another.
 */
@ApplicationScoped
public class SmbScanService {
    private static final String EVERY_SHARE = "*";

    private final ScanService scans;
    private final CollectorConfig config;

    public SmbScanService(ScanService scans, CollectorConfig config) {
        this.scans = scans;
        this.config = config;
    }

    /** A registered source as operators may see it: everything but the credentials; {@code share} is "*" for a whole server. */
    public record SmbSourceView(String name, String clientId, String sourceId, String host, int port, String share, String path,
                                String username, String cron) {
    }

    public List<SmbSourceView> sources() {
        return config.smbSources().entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    /** Queues the configured source's scans: one for a share, one per disk share for a whole server. */
    public List<ScanStatus> start(String name) {
        CollectorConfig.SmbSource source = config.smbSources().get(name);
        if (source == null) {
            throw ProblemException.notFound("No SMB source '" + name + "' is configured (aclens.collector.smb-sources." + name + ".*)");
        }
        return start("SMB source '" + name + "'", source, new Rerun.SmbShare(null, name, null));
    }

    /**
     * Queues the scans of a source, configured or registered, named {@code what} in errors; {@code origin} (its share
     * left out) says where the source came from, so that a scan the collector could not finish is run again.
     */
    public List<ScanStatus> start(String what, CollectorConfig.SmbSource source, Rerun.SmbShare origin) {
        char[] password = Secrets.password(what, source.passwordFile(), source.password());
        List<String> shares;
        try {
            shares = wholeServer(source) ? discover(source, password) : List.of(source.share().orElseThrow());
        } catch (IOException e) {
            Arrays.fill(password, '\0');
            throw new ProblemException(502, "Share Discovery Failed", "Cannot list the shares of " + source.host() + ": " + e.getMessage());
        }
        if (shares.isEmpty()) {
            Arrays.fill(password, '\0');
            throw new ProblemException(409, "No Shares", "The server " + source.host() + " offers no disk share to scan");
        }
        // the password is wiped when the last of this run's scans has been published
        AtomicInteger pending = new AtomicInteger(shares.size());
        List<ScanStatus> started = new ArrayList<>();
        for (String share : shares) {
            SmbTarget target = target(source, share, password);
            started.add(scans.submit(null, source.clientId(), sourceId(source, share), target.uncPath(),
                    new Rerun.SmbShare(origin.clientId(), origin.name(), share), new SmbShareSource(target), () -> {
                        if (pending.decrementAndGet() == 0) {
                            Arrays.fill(password, '\0');
                        }
                    }));
        }
        return started;
    }

    /** Queues one share's scan again under its scan id: one the collector queued but could not start before it stopped. */
    public ScanStatus rerun(String scanId, String what, CollectorConfig.SmbSource source, Rerun.SmbShare share) {
        char[] password = Secrets.password(what, source.passwordFile(), source.password());
        SmbTarget target = target(source, share.share(), password);
        return scans.submit(scanId, source.clientId(), sourceId(source, share.share()), target.uncPath(), share, new SmbShareSource(target),
                () -> Arrays.fill(password, '\0'));
    }

    /**
     * Reads what a scan would need before any scan is scheduled: the server answers, the account logs on, the share
     * exists (or the server offers disk shares), and the account may read the start folder's permissions.
     */
    public ConnectionTestResult test(String what, CollectorConfig.SmbSource source) {
        char[] password = Secrets.password(what, source.passwordFile(), source.password());
        try {
            return SmbConnectionTest.run(source, password, share -> target(source, share, password), wholeServer(source));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The source id the source's scans carry when none is given: {@code smb:\\host\share[\path]}, or {@code smb:\\host\*} for a whole server. */
    public static String defaultSourceId(String host, String share, String path) {
        return "smb:" + SmbTarget.uncPath(host, share == null || share.isBlank() ? EVERY_SHARE : share, path == null ? "" : path);
    }

    private static List<String> discover(CollectorConfig.SmbSource source, char[] password) throws IOException {
        return SmbSessions.withSession(target(source, "IPC$", password),
                session -> new SmbServerInfo(session).diskShares(source.includeAdministrativeShares()));
    }

    private static SmbTarget target(CollectorConfig.SmbSource source, String share, char[] password) {
        return new SmbTarget(source.host(), source.port(), share, source.path().orElse(""), source.domain().orElse(""), source.username(),
                password, source.maxDepth().orElse(Integer.MAX_VALUE), source.parallelism(), source.connections());
    }

    private static boolean wholeServer(CollectorConfig.SmbSource source) {
        return source.share().map(share -> share.isBlank() || share.equals(EVERY_SHARE)).orElse(true);
    }

    private static String sourceId(CollectorConfig.SmbSource source, String share) {
        String path = source.path().orElse("");
        if (source.sourceId().isPresent()) {
            return wholeServer(source) ? source.sourceId().get() + ":" + share : source.sourceId().get();
        }
        return "smb:" + SmbTarget.uncPath(source.host(), share, path);
    }

    private static SmbSourceView view(String name, CollectorConfig.SmbSource source) {
        String share = wholeServer(source) ? EVERY_SHARE : source.share().orElseThrow();
        return new SmbSourceView(name, source.clientId(), wholeServer(source) ? sourceId(source, EVERY_SHARE) : sourceId(source, share),
                source.host(), source.port(), share, source.path().orElse(""), source.domain().map(d -> d + "\\").orElse("") + source.username(),
                source.cron().orElse(null));
    }
}
