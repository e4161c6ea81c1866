package io.aclens.report.service;

import io.aclens.access.DepartmentScope;
import io.aclens.access.findings.Finding;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.report.client.DiffServiceClient;
import io.aclens.report.excel.ReportContent;
import io.aclens.report.excel.WorkbookFile;
import io.aclens.report.excel.WorkbookWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import io.aclens.report.repository.ReportStore;
import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final Duration STORE_TIMEOUT = Duration.ofMinutes(2);

    private final ClientStates clientStates;
    private final DiffServiceClient diffs;
    private final ReportStore store;
    private final Duration changesPeriod;

    public ReportService(ClientStates clientStates, @RestClient DiffServiceClient diffs, ReportStore store,
                         @ConfigProperty(name = "aclens.report.changes-period") Duration changesPeriod) {
        this.clientStates = clientStates;
        this.diffs = diffs;
        this.store = store;
        this.changesPeriod = changesPeriod;
    }

    /** A generated report: where it was stored (empty when the period already had one), what it covered and its changes. */
    /** A report as built; its workbook stays on disk until closed. */
    public record Generated(Optional<ReportStore.StoredReport> stored, ReportStore.NewReport report, int people,
                            List<EffectiveChangeView> effectiveChanges, List<Finding> findings) implements AutoCloseable {
        @Override
        public void close() {
            report.content().close();
        }
    }

    /** How far back an on-demand report's changes go ({@code aclens.report.changes-period}). */
    public Duration changesPeriod() {
        return changesPeriod;
    }

    /**
     * What to build: the client, why ({@code trigger}: ON_DEMAND, SCHEDULED, DELIVERY; {@code period} set for a scheduled
     * one), the changes diffed from {@code changesFrom} to {@code changesTo}, the language (en, ru), the layout, and the
     * sources it covers (empty: every source).
     */
    public record Request(String clientId, String trigger, String period, Instant changesFrom, Instant changesTo, String language,
                          ReportContent.Layout layout, Set<String> sourceIds) {
        public Request {
            sourceIds = Set.copyOf(sourceIds);
        }

        boolean covers(String sourceId, String path) {
            return (sourceIds.isEmpty() || sourceIds.contains(sourceId)) && (path == null || layout.covers(path));
        }
    }

    /** The folders and people of the layout's departments in every source, to match changes and findings by. */
    private record DepartmentFolders(boolean everything, Map<String, Set<String>> paths, Set<String> people) {
        static DepartmentFolders of(List<ReportContent.SourceMatrix> matrices) {
            if (matrices.stream().allMatch(m -> m.scope().isEverything())) {
                return new DepartmentFolders(true, Map.of(), Set.of());
            }
            Map<String, Set<String>> paths = new HashMap<>();
            Set<String> people = new HashSet<>();
            for (ReportContent.SourceMatrix m : matrices) {
                paths.put(m.snapshot().sourceId(), m.scope().paths(m.matrix().rows()));
                people.addAll(m.scope().personSids(m.people()));
            }
            return new DepartmentFolders(false, paths, people);
        }

        boolean covers(String sourceId, String path) {
            return everything || paths.getOrDefault(sourceId, Set.of()).contains(path);
        }

        boolean coversPerson(String sid) {
            return everything || people.contains(sid);
        }
    }

    /** The full report in English with the changes of the last {@code aclens.report.changes-period}. */
    public Generated generate(String clientId, String trigger, String period) {
        Instant now = Instant.now();
        return generate(new Request(clientId, trigger, period, now.minus(changesPeriod), now.plusSeconds(1), "en", ReportContent.Layout.FULL,
                Set.of()));
    }

    public Generated generate(Request request) {
        String clientId = request.clientId();
        Instant started = Instant.now();
        ClientStateLoader.Loaded state = clientStates.latest(clientId);
        List<ClientStateLoader.Source> sources = state.sources().stream()
                .filter(source -> request.sourceIds().isEmpty() || request.sourceIds().contains(source.snapshot().sourceId())).toList();
        if (sources.isEmpty()) {
            throw ProblemException.notFound("None of the sources " + request.sourceIds() + " of client " + clientId + " has a diffed snapshot");
        }
        List<ReportContent.SourceMatrix> matrices = sources.stream().map(source -> new ReportContent.SourceMatrix(source.snapshot(),
                source.groups(), source.people(), DepartmentScope.of(source.people(), request.layout().departments()))).toList();
        DepartmentFolders departments = DepartmentFolders.of(matrices);
        String from = request.changesFrom().toString();
        String to = request.changesTo().toString();
        List<ChangeView> changes = diffs.changes(clientId, null, from, to).await().atMost(DiffServiceClient.WAIT).stream()
                .filter(c -> request.covers(c.sourceId(), c.path()) && departments.covers(c.sourceId(), c.path())).toList();
        List<EffectiveChangeView> effectiveChanges = diffs.effectiveChanges(clientId, from, to, null).await().atMost(DiffServiceClient.WAIT)
                .stream()
                .filter(c -> request.covers(c.sourceId(), c.path())
                        && (departments.covers(c.sourceId(), c.path()) || departments.coversPerson(c.userSid()))).toList();
        List<Finding> findings = ClientFindings.of(state, started).stream().filter(f -> request.covers(f.sourceId(), null)
                && (request.layout().pathPrefixes().isEmpty() && departments.everything() || f.folders().stream()
                .anyMatch(path -> request.layout().covers(path) && departments.covers(f.sourceId(), path)))).toList();
        WorkbookFile workbook = WorkbookFile.create();
        try {
            try (OutputStream out = workbook.output()) {
                WorkbookWriter.write(new ReportContent(clientId, started, matrices, changes, effectiveChanges, request.changesFrom(),
                        state.principals(), findings, request.language(), request.layout()), out);
            }
            String snapshotIds = state.snapshotIds().stream().map(String::valueOf).collect(Collectors.joining(","));
            ReportStore.NewReport report = new ReportStore.NewReport(clientId, request.period(), request.trigger(), snapshotIds,
                    state.folderCount(), changes.size() + effectiveChanges.size(), workbook);
            Optional<ReportStore.StoredReport> stored = store.save(report).await().atMost(STORE_TIMEOUT);
            LOG.infof("Report %s for %s: %d folders, %d people, %d ACL changes, %d effective changes, %d bytes in %d ms",
                    stored.map(s -> String.valueOf(s.reportId())).orElse("(period already reported)"), clientId, state.folderCount(),
                    state.directory().activeUsers().size(), changes.size(), effectiveChanges.size(), workbook.size(),
                    Duration.between(started, Instant.now()).toMillis());
            return new Generated(stored, report, state.directory().activeUsers().size(), effectiveChanges, findings);
        } catch (IOException e) {
            workbook.close();
            throw new UncheckedIOException("Cannot write the workbook", e);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }
}
