package io.aclens.cli.chaos;

import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import java.util.List;

/**
 * What one run of the pipeline left behind, in terms that must not depend on when anything was killed: the folders of
 * the source's newest snapshot, its permission changes, the effective changes and the workbook's matrices, each as
 * comparable lines.
 */
record ChaosRun(long folders, List<String> changes, List<String> effectiveChanges, List<String> workbook) {
    static ChaosRun of(long folders, List<ChangeView> changes, List<EffectiveChangeView> effective, List<String> workbook) {
        return new ChaosRun(folders,
                changes.stream().map(c -> c.path() + " | " + c.kind() + " | " + c.principalSid() + " | " + c.before() + " → " + c.after()).sorted().toList(),
                effective.stream().map(c -> c.path() + " | " + c.login() + " | " + c.kind() + " | " + c.before() + " → " + c.after() + " | "
                        + c.cause()).sorted().toList(), workbook);
    }

    /** Null when equal to {@code expected}, else what differs. */
    String differenceFrom(ChaosRun expected) {
        if (folders != expected.folders) {
            return "snapshot holds " + folders + " folders, not " + expected.folders;
        }
        if (!changes.equals(expected.changes)) {
            return "permission changes differ: " + changes.size() + " instead of " + expected.changes.size() + " " + firstDifference(changes, expected.changes);
        }
        if (!effectiveChanges.equals(expected.effectiveChanges)) {
            return "effective changes differ: " + effectiveChanges.size() + " instead of " + expected.effectiveChanges.size() + " "
                    + firstDifference(effectiveChanges, expected.effectiveChanges);
        }
        if (!workbook.equals(expected.workbook)) {
            return "the workbook's matrices differ: " + workbook.size() + " rows instead of " + expected.workbook.size() + " "
                    + firstDifference(workbook, expected.workbook);
        }
        return null;
    }

    private static String firstDifference(List<String> actual, List<String> expected) {
        for (String line : expected) {
            if (!actual.contains(line)) {
                return "(missing: " + line + ")";
            }
        }
        for (String line : actual) {
            if (!expected.contains(line)) {
                return "(extra: " + line + ")";
            }
        }
        return "(duplicates)";
    }
}
