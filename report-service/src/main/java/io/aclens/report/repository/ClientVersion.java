package io.aclens.report.repository;

import java.util.Map;

/**
 * The snapshots a client's state is made of: each source's latest diffed snapshot and each directory's latest diffed
 * directory snapshot. Snapshots never change, so equal versions mean equal states.
 */
public record ClientVersion(Map<String, Long> sourceSnapshots, Map<String, Long> directorySnapshots) {
    public ClientVersion {
        sourceSnapshots = Map.copyOf(sourceSnapshots);
        directorySnapshots = Map.copyOf(directorySnapshots);
    }
}
