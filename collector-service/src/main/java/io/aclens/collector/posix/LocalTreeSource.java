package io.aclens.collector.posix;

import io.aclens.access.Principal;
import io.aclens.collector.service.CollectionTally;
import io.aclens.collector.service.FolderSource;
import io.aclens.contracts.SourceKind;
import io.aclens.posix.LocalIdentities;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder tree on the collector's own Linux host, named through passwd/group files.
 *
 * @param walkThreads threads reading the tree, subtrees at once (1: the scan's own thread only)
 */
public record LocalTreeSource(Path root, int maxDepth, int walkThreads, LocalIdentities identities) implements FolderSource {

    @Override
    public SourceKind kind() {
        return SourceKind.LOCAL_POSIX;
    }

    @Override
    public void collect(CollectionTally tally) throws IOException {
        PosixTreeScanner.scan(root, maxDepth, walkThreads, tally);
    }

    @Override
    public Principal resolve(String sid) {
        return identities.resolve(sid);
    }
}
