package io.aclens.access.findings;

import java.util.List;

/**
 * One risk, named once however many folders it touches: its stable key (kind, source and subject, so the same risk in
 * the next snapshot is recognised), whom or what it is about, and the folders and people affected.
 *
 * @param folders     the affected folders, at most {@link RiskFindings#FOLDERS_LISTED}; {@code folderCount} counts all
 */
public record Finding(String key, FindingKind kind, String sourceId, String subject, int folderCount, List<String> folders, List<String> people) {
    public Finding {
        folders = List.copyOf(folders);
        people = List.copyOf(people);
    }

    public Severity severity() {
        return kind.severity();
    }
}
