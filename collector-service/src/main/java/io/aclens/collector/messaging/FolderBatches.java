package io.aclens.collector.messaging;

import io.aclens.access.Ace;
import io.aclens.access.AclHash;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScannedFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups a scan's folders into {@link FoldersScanned} events: each folder names its DACL by hash, and a DACL travels
 * only in the first batch that uses it. The scan's DACLs already sent are remembered (at most {@link #REMEMBERED_ACLS},
 * least recently used forgotten first: a forgotten one is sent again, which the snapshot service takes as before).
 * Thread-safe; batches are handed to the sink in the order they were filled, under the lock, so a definition is never
 * sent after a folder that needs it.
 */
final class FolderBatches {
    static final int REMEMBERED_ACLS = 50_000;
    /** Estimated JSON of a batch, at most: far below Kafka's 1 MiB message limit whatever the paths and descriptors. */
    static final int MAX_BATCH_BYTES = 256 * 1024;
    private static final int FOLDER_OVERHEAD_BYTES = 200;
    private static final int ACE_BYTES = 96;

    private final String scanId;
    private final String clientId;
    private final String sourceId;
    private final int maxFolders;
    private final Consumer<FoldersScanned> sink;
    /** DACL (by content) → its hash, for the DACLs this scan sent; access order, so the least used is forgotten first. */
    private final Map<List<Ace>, String> sent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Ace>, String> eldest) {
            return size() > REMEMBERED_ACLS;
        }
    };
    private List<ScannedFolder> folders = new ArrayList<>();
    private Map<String, List<Ace>> definitions = new LinkedHashMap<>();
    private long bytes;
    private long sequence;
    private long batches;

    FolderBatches(String scanId, String clientId, String sourceId, int maxFolders, Consumer<FoldersScanned> sink) {
        this.scanId = scanId;
        this.clientId = clientId;
        this.sourceId = sourceId;
        this.maxFolders = maxFolders;
        this.sink = sink;
    }

    synchronized void add(CollectedFolder folder, String listError) {
        String hash = sent.get(folder.dacl());
        if (hash == null) {
            hash = AclHash.of(folder.dacl());
            sent.put(List.copyOf(folder.dacl()), hash);
            definitions.put(hash, folder.dacl());
            bytes += (long) folder.dacl().size() * ACE_BYTES + hash.length();
        }
        folders.add(new ScannedFolder(++sequence, folder.path(), folder.depth(), folder.ownerSid(), folder.groupSid(),
                folder.inheritanceProtected(), hash, folder.readError(), folder.sddl(), listError));
        bytes += FOLDER_OVERHEAD_BYTES + 3L * (folder.path().length() + length(folder.readError()) + length(listError))
                + length(folder.sddl()) + length(folder.ownerSid()) + length(folder.groupSid());
        if (folders.size() >= maxFolders || bytes >= MAX_BATCH_BYTES) {
            send();
        }
    }

    /** Sends what is left; the scan's folders are all handed to the sink once this returns. */
    synchronized void close() {
        if (!folders.isEmpty()) {
            send();
        }
    }

    private void send() {
        batches++;
        sink.accept(new FoldersScanned(FoldersScanned.eventIdFor(scanId, batches), scanId, clientId, sourceId, batches, folders, definitions));
        folders = new ArrayList<>();
        definitions = new LinkedHashMap<>();
        bytes = 0;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
