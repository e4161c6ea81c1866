package io.aclens.contracts.api;

import java.time.Instant;

/** What the diff service made of a directory snapshot: how many effective changes it caused. */
public record DirectoryChangeSetView(long directorySnapshotId, Long previousDirectorySnapshotId, String clientId, String directoryId,
                                     long changeCount, boolean baseline, Instant computedAt) {
}
