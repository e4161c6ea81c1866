package io.aclens.report.delivery;

import io.aclens.access.findings.Finding;
import io.aclens.access.findings.FindingKind;
import io.aclens.report.repository.DeliveryRepository.ReportedFinding;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A package's findings against its subscription's previous package: new, still open, resolved. */
public record FindingChanges(List<Finding> fresh, List<Finding> open, List<ReportedFinding> resolved) {

    public static FindingChanges between(List<Finding> current, List<ReportedFinding> previous) {
        Set<String> before = previous.stream().map(ReportedFinding::key).collect(Collectors.toSet());
        Set<String> now = current.stream().map(Finding::key).collect(Collectors.toSet());
        return new FindingChanges(current.stream().filter(f -> !before.contains(f.key())).toList(),
                current.stream().filter(f -> before.contains(f.key())).toList(),
                previous.stream().filter(f -> !now.contains(f.key())).toList());
    }

    /** How the package reports them, to be compared next time. */
    public static List<ReportedFinding> reported(List<Finding> current) {
        return current.stream().map(f -> new ReportedFinding(f.key(), f.kind().name(), f.severity().name(), f.sourceId(), f.subject(),
                f.folderCount())).toList();
    }

    /** "Title: subject (n folders)" in the language, for the mail. */
    public static String describe(Finding finding, String language) {
        return finding.kind().title(language) + ": " + finding.subject() + " — " + ("ru".equals(language) ? "папок: " : "folders: ")
                + finding.folderCount();
    }

    public static String describe(ReportedFinding finding, String language) {
        return FindingKind.valueOf(finding.kind()).title(language) + ": " + finding.subject();
    }
}
