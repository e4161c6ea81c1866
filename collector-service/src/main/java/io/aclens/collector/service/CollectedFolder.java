package io.aclens.collector.service;

import io.aclens.access.Ace;
import java.util.List;

/**
 * One folder as a source read it, whatever the source (local tree, agent upload).
 *
 * @param depth     0 for the scan root
 * @param readError why the folder's security could not be read, else {@code null} (the DACL is then empty)
 */
public record CollectedFolder(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                              List<Ace> dacl, String readError) {
}
