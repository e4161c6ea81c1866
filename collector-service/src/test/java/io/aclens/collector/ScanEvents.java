package io.aclens.collector;

import io.aclens.access.Ace;
import io.aclens.access.Principal;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScanPrincipalsCollected;
import io.aclens.contracts.ScannedFolder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a scan's events say, gathered across them. */
final class ScanEvents {
    private ScanEvents() {
    }

    /** The principals the scan's chunks named, in order. */
    static List<Principal> principals(List<? extends ScanEvent> events) {
        return events.stream().filter(ScanPrincipalsCollected.class::isInstance).map(ScanPrincipalsCollected.class::cast)
                .flatMap(chunk -> chunk.principals().stream()).toList();
    }

    /**
     * The scan's folders with their DACLs, as its batches define them, in order; fails when a folder names a DACL no
     * batch up to its own defined.
     */
    static List<FolderScanned> folders(List<? extends ScanEvent> events) {
        Map<String, List<Ace>> defined = new HashMap<>();
        List<FolderScanned> folders = new ArrayList<>();
        for (ScanEvent event : events) {
            if (event instanceof FoldersScanned batch) {
                defined.putAll(batch.acls());
                for (ScannedFolder folder : batch.folders()) {
                    List<Ace> dacl = defined.get(folder.aclHash());
                    if (dacl == null) {
                        throw new AssertionError("folder " + folder.path() + " names DACL " + folder.aclHash() + ", not defined before it");
                    }
                    folders.add(new FolderScanned(batch.scanId() + ":" + folder.sequence(), batch.scanId(), batch.clientId(), batch.sourceId(),
                            folder.sequence(), folder.path(), folder.depth(), folder.ownerSid(), folder.groupSid(), folder.inheritanceProtected(),
                            dacl, folder.readError(), folder.sddl(), folder.listError()));
                }
            }
        }
        return folders;
    }
}
