package io.aclens.contracts.api;

import java.time.Instant;

/** One committed directory sync of a client's directory. */
public record DirectorySnapshotView(long directorySnapshotId, Long previousDirectorySnapshotId, String clientId, String directoryId,
                                    String syncId, long entryCount, Instant committedAt) {
}
