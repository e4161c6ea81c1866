package io.aclens.contracts.api;

import java.time.Instant;

/**
 * A directory sync as the snapshot service saw it.
 *
 * @param status STAGING, COMMITTED, FAILED or INCOMPLETE
 */
public record DirectorySyncView(String syncId, String clientId, String directoryId, String status, Long entryCount, String reason,
                                Long directorySnapshotId, Instant lastEventAt) {
}
