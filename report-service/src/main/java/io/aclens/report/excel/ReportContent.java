package io.aclens.report.excel;

import io.aclens.access.AccessMatrix;
import io.aclens.access.Principal;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.SnapshotView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything one client report shows. */
public record ReportContent(String clientId, Instant generatedAt, List<SourceMatrix> sources, List<ChangeView> changes,
                            Instant changesFrom, Map<String, Principal> principals) {

    /** One source's matrix at its latest diffed snapshot. */
    public record SourceMatrix(SnapshotView snapshot, AccessMatrix matrix) {
    }
}
