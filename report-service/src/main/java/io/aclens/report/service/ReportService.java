package io.aclens.report.service;

import io.aclens.access.AccessMatrix;
import io.aclens.access.Ace;
import io.aclens.access.MatrixFolder;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.report.client.DiffServiceClient;
import io.aclens.report.client.SnapshotServiceClient;
import io.aclens.report.excel.ReportContent;
import io.aclens.report.excel.WorkbookWriter;
import io.aclens.report.repository.ReportStore;
import io.aclens.report.repository.SourceStateRepository;
import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Builds a client's report from the other services' REST APIs (state from the snapshot service, changes
 * from the diff service) and stores it. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class ReportService {
    private static final Logger LOG = Logger.getLogger(ReportService.class);
    private static final int FOLDER_PAGE = 5000;
    private static final Duration STORE_TIMEOUT = Duration.ofMinutes(2);

    private final SnapshotServiceClient snapshots;
    private final DiffServiceClient diffs;
    private final SourceStateRepository sources;
    private final ReportStore store;
    private final Duration changesPeriod;

    public ReportService(@RestClient SnapshotServiceClient snapshots, @RestClient DiffServiceClient diffs, SourceStateRepository sources,
                         ReportStore store, @ConfigProperty(name = "aclens.report.changes-period") Duration changesPeriod) {
        this.snapshots = snapshots;
        this.diffs = diffs;
        this.sources = sources;
        this.store = store;
        this.changesPeriod = changesPeriod;
    }

    /** A generated report: where it was stored (empty when the period already had one) and what it covered. */
    public record Generated(Optional<ReportStore.StoredReport> stored, ReportStore.NewReport report) {
    }

    public Generated generate(String clientId, String trigger, String period) {
        Instant started = Instant.now();
        Map<String, Long> latest = sources.latestSnapshots(clientId).await().atMost(STORE_TIMEOUT);
        if (latest.isEmpty()) {
            throw ProblemException.notFound("No diffed snapshot of client " + clientId + " is known yet; scan one of its sources first");
        }
        Map<String, Principal> principals = snapshots.principals(clientId).stream()
                .collect(Collectors.toMap(Principal::sid, Function.identity(), (a, b) -> a));
        Function<String, Principal> resolve = sid -> principals.getOrDefault(sid,
                WellKnownSids.lookup(sid).orElseGet(() -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED)));
        List<ReportContent.SourceMatrix> matrices = new ArrayList<>();
        long folderCount = 0;
        for (long snapshotId : latest.values()) {
            SnapshotView snapshot = snapshots.snapshot(snapshotId);
            List<MatrixFolder> folders = folders(snapshotId);
            folderCount += folders.size();
            matrices.add(new ReportContent.SourceMatrix(snapshot, AccessMatrix.of(folders, resolve)));
        }
        Instant changesFrom = started.minus(changesPeriod);
        List<ChangeView> changes = diffs.changes(clientId, changesFrom.toString(), started.plusSeconds(1).toString());
        byte[] workbook = WorkbookWriter.write(new ReportContent(clientId, started, matrices, changes, changesFrom, principals));
        String snapshotIds = latest.values().stream().map(String::valueOf).collect(Collectors.joining(","));
        ReportStore.NewReport report = new ReportStore.NewReport(clientId, period, trigger, snapshotIds, folderCount, changes.size(), workbook);
        Optional<ReportStore.StoredReport> stored = store.save(report).await().atMost(STORE_TIMEOUT);
        LOG.infof("Report %s for %s: %d folders, %d changes, %d bytes in %d ms",
                stored.map(s -> String.valueOf(s.reportId())).orElse("(period already reported)"), clientId, folderCount, changes.size(),
                workbook.length, Duration.between(started, Instant.now()).toMillis());
        return new Generated(stored, report);
    }

    /** Every folder of a snapshot; folders with the same ACL share one DACL instance (few distinct ACLs per client). */
    private List<MatrixFolder> folders(long snapshotId) {
        Map<String, List<Ace>> dacls = new HashMap<>();
        List<MatrixFolder> folders = new ArrayList<>();
        String after = "";
        do {
            FolderPage page = snapshots.folders(snapshotId, after, FOLDER_PAGE);
            for (FolderView folder : page.items()) {
                List<Ace> dacl = dacls.computeIfAbsent(folder.aclHash(), hash -> folder.dacl());
                folders.add(new MatrixFolder(folder.path(), folder.depth(), dacl, folder.inheritanceProtected(), folder.readError()));
            }
            after = page.next();
        } while (after != null);
        return folders;
    }
}
