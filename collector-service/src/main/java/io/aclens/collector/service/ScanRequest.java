package io.aclens.collector.service;

/**
 * What to scan.
 *
 * @param sourceId   names the source across scans (default: {@code local:<host>:<root>}); snapshots and
 *                   diffs are per source
 * @param maxDepth   folder depth below the root to descend to, {@code null} for no limit
 * @param passwdFile a passwd file that names the tree's uids (default: {@code /etc/passwd})
 * @param groupFile  a group file that names the tree's gids (default: {@code /etc/group})
 */
public record ScanRequest(String clientId, String root, String sourceId, Integer maxDepth, String passwdFile,
                          String groupFile) {
}
