package io.aclens.collector.service;

import io.aclens.access.Principal;
import io.aclens.contracts.SourceKind;
import io.aclens.contracts.SourceServer;
import java.io.IOException;

/** Something that yields a source's folders for one scan: a local tree walk, an agent's upload, … */
public interface FolderSource {

    SourceKind kind();

    /** Emits every folder into the tally; throws when the scan as a whole cannot proceed. */
    void collect(CollectionTally tally) throws IOException;

    /** Names a SID the folders mention (well-known, from the source's own directory, or unresolved). */
    Principal resolve(String sid);

    /** What was read of the server behind the folders once they are collected (share permissions, its own groups); null when none. */
    default SourceServer server() {
        return null;
    }
}
