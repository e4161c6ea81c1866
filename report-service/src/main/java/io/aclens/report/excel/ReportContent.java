package io.aclens.report.excel;

import io.aclens.access.FolderPath;
import io.aclens.access.findings.Finding;
import java.util.EnumSet;
import java.util.Set;
import io.aclens.access.AccessMatrix;
import io.aclens.access.DepartmentScope;
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
                            List<Finding> findings, String language, Layout view) {

    /** The parts a workbook can hold; the scan coverage and the legend are always there. */
    public enum Part { MATRIX_BY_PERSON, MATRIX_BY_GROUP, CHANGES, FINDINGS }

    /**
     * What the workbook shows: which parts, and which folders its matrices, changes and findings list — all of them, or
     * those under some path prefixes, those some departments' people can reach (with only those people as columns), only
     * those whose access differs from their parent's, to a depth.
     */
    public record Layout(boolean onlyDiffering, int maxDepth, List<String> pathPrefixes, List<String> departments, Set<Part> parts) {
        public static final Layout FULL = new Layout(false, io.aclens.access.ReadableRows.ANY_DEPTH, List.of(), EnumSet.allOf(Part.class));
        /** What a package shows by default: the folders where access changes. */
        public static final Layout READABLE = new Layout(true, io.aclens.access.ReadableRows.ANY_DEPTH, List.of(), EnumSet.allOf(Part.class));

        public Layout {
            pathPrefixes = List.copyOf(pathPrefixes);
            departments = List.copyOf(departments);
            parts = parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(parts);
        }

        /** Every department. */
        public Layout(boolean onlyDiffering, int maxDepth, List<String> pathPrefixes, Set<Part> parts) {
            this(onlyDiffering, maxDepth, pathPrefixes, List.of(), parts);
        }

        public boolean shows(Part part) {
            return parts.contains(part);
        }

        /** Whether a folder is within the prefixes (all are when none is given), compared as its server compares names. */
        public boolean covers(String path) {
            return pathPrefixes.isEmpty() || pathPrefixes.stream().anyMatch(prefix -> FolderPath.isWithin(path, prefix));
        }
    }

    /**
     * One source's matrix at its latest diffed snapshot: by group (each ACE's own level) and, when the client's
     * directory is known, by person (effective levels), with the folders and people the layout's departments cover.
     */
    public record SourceMatrix(SnapshotView snapshot, AccessMatrix matrix, PeopleMatrix people, DepartmentScope scope) {

        public SourceMatrix(SnapshotView snapshot, AccessMatrix matrix, PeopleMatrix people) {
            this(snapshot, matrix, people, DepartmentScope.everything());
        }
    }
}
