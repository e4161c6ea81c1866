package io.aclens.report.excel;

import io.aclens.access.findings.Finding;
import io.aclens.access.AccessMatrix;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.Principal;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.SnapshotView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one client report shows.
 *
 * @param effectiveChanges what people gained or lost in the period, with the cause
 * @param findings         the risks of the sources as shown, most severe first
 * @param language         the workbook's language: en or ru
 * @param view             which folders the matrices list
 */
public record ReportContent(String clientId, Instant generatedAt, List<SourceMatrix> sources, List<ChangeView> changes,
                            List<EffectiveChangeView> effectiveChanges, Instant changesFrom, Map<String, Principal> principals,
                            List<Finding> findings, String language, MatrixView view) {

    /** Which folders the matrices list: all of them, or those whose access differs from their parent's, to a depth. */
    public record MatrixView(boolean onlyDiffering, int maxDepth) {
        public static final MatrixView FULL = new MatrixView(false, io.aclens.access.ReadableRows.ANY_DEPTH);
        /** What a package shows: the folders where access changes. */
        public static final MatrixView READABLE = new MatrixView(true, io.aclens.access.ReadableRows.ANY_DEPTH);
    }

    /**
     * One source's matrix at its latest diffed snapshot: by group (each ACE's own level) and, when the client's
     * directory is known, by person (effective levels).
     */
    public record SourceMatrix(SnapshotView snapshot, AccessMatrix matrix, PeopleMatrix people) {
    }
}
