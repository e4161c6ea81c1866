package io.aclens.contracts.api;

import java.util.List;

/**
 * What a source's last snapshot holds, as a rescan needs it: each folder's fingerprint
 * ({@code io.aclens.access.FolderStateHash#fingerprint}), in ascending order.
 *
 * @param snapshotId the source's latest snapshot; null when it has none (the scan is then sent whole)
 */
public record ScanBaseline(Long snapshotId, List<String> fingerprints) {
    public ScanBaseline {
        fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
    }
}
