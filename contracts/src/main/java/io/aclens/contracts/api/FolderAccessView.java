package io.aclens.contracts.api;

import java.util.List;

/**
 * Who can access one folder and why: its ACL in order, and every person who holds (or, disabled, would hold) any
 * access there, most access first, each with the reasons.
 */
public record FolderAccessView(String clientId, String sourceId, long snapshotId, String path, String readError, List<AclEntryView> acl,
                               List<CellAccessView> people) {
}
