package io.aclens.collector.smb;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.config.Secrets;
import io.aclens.collector.service.ScanService;
import io.aclens.collector.service.ScanStatus;
import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Starts scans of the SMB sources registered in configuration. */
@ApplicationScoped
public class SmbScanService {
    private final ScanService scans;
    private final CollectorConfig config;

    public SmbScanService(ScanService scans, CollectorConfig config) {
        this.scans = scans;
        this.config = config;
    }

    /** A registered source as operators may see it: everything but the credentials. */
    public record SmbSourceView(String name, String clientId, String sourceId, String host, int port, String share, String path,
                                String username, String cron) {
    }

    public List<SmbSourceView> sources() {
        return config.smbSources().entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    public ScanStatus start(String name) {
        CollectorConfig.SmbSource source = config.smbSources().get(name);
        if (source == null) {
            throw ProblemException.notFound("No SMB source '" + name + "' is configured (aclens.collector.smb-sources." + name + ".*)");
        }
        char[] password = Secrets.password("SMB source '" + name + "'", source.passwordFile(), source.password());
        SmbTarget target = new SmbTarget(source.host(), source.port(), source.share(), source.path().orElse(""), source.domain().orElse(""),
                source.username(), password, source.maxDepth().orElse(Integer.MAX_VALUE), source.parallelism(), source.connections());
        SmbSourceView view = view(name, source);
        return scans.submit(source.clientId(), view.sourceId(), target.uncPath(), new SmbShareSource(target),
                () -> Arrays.fill(password, '\0'));
    }

    private static SmbSourceView view(String name, CollectorConfig.SmbSource source) {
        String path = source.path().orElse("");
        String sourceId = source.sourceId().orElse("smb:" + SmbTarget.uncPath(source.host(), source.share(), path));
        return new SmbSourceView(name, source.clientId(), sourceId, source.host(), source.port(), source.share(), path,
                source.domain().map(d -> d + "\\").orElse("") + source.username(), source.cron().orElse(null));
    }
}
