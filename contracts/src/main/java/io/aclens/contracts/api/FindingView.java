package io.aclens.contracts.api;

import java.util.List;

/**
 * A risk in a client's folders, named once however many folders it touches.
 *
 * @param key     stable across snapshots (kind, source, subject): the same risk next month has the same key
 * @param status  in a package: {@code NEW} since the subscription's previous package, {@code OPEN} (still there) or
 *                {@code RESOLVED}; null in the current list
 * @param folders the first affected folders; {@code folderCount} counts all
 */
public record FindingView(String key, String kind, String severity, String title, String sourceId, String subject, int folderCount,
                          List<String> folders, List<String> people, String status) {
}
