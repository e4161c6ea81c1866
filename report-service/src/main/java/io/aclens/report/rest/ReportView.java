package io.aclens.report.rest;

import io.aclens.report.model.ReportEntity;
import io.aclens.report.repository.ReportStore;
import io.aclens.report.service.ReportService;
import java.time.Instant;

public record ReportView(long reportId, String clientId, String period, String trigger, Instant createdAt, long sizeBytes,
                         String snapshotIds, long folderCount, long changeCount, String downloadUrl) {

    public static ReportView of(ReportService.Generated generated) {
        ReportStore.StoredReport stored = generated.stored().orElseThrow();
        ReportStore.NewReport report = generated.report();
        return new ReportView(stored.reportId(), report.clientId(), report.period(), report.trigger(), stored.createdAt(),
                report.content().size(), report.snapshotIds(), report.folderCount(), report.changeCount(),
                "/api/v1/reports/" + stored.reportId() + "/xlsx");
    }

    public static ReportView of(ReportEntity report) {
        return new ReportView(report.reportId, report.clientId, report.period, report.trigger, report.createdAt.toInstant(),
                report.sizeBytes, report.snapshotIds, report.folderCount, report.changeCount, "/api/v1/reports/" + report.reportId + "/xlsx");
    }
}
