package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import io.aclens.access.Ace;
import java.util.List;
import java.util.Map;

/**
 * Folders of a scan as the collector read them, many to a record, each naming its DACL by hash. The DACLs this scan
 * had not defined before travel in {@code acls} (hash → entries), so a scan of a million folders sharing two thousand
 * DACLs sends each about once instead of once per folder. A scan's batches are on one partition, in order: a
 * definition always arrives with or before the first folder that names it.
 *
 * <p>A rescan against its source's last snapshot ({@link ScanCompleted#baselineSnapshotId()}) sends only the folders
 * whose fingerprint that snapshot lacks, and in {@code removed} the fingerprints of that snapshot's folders it did not
 * find as they were (gone, or changed: the changed ones are sent too); a folder whose contents could not be listed is
 * always sent, since below it nothing seen means nothing gone.
 *
 * @param batch   position of the batch in the scan, from 1; the event id is derived from it
 * @param removed fingerprints ({@code io.aclens.access.FolderStateHash#fingerprint}) of the baseline's folders this
 *                scan did not find as they were; empty in a whole scan
 */
public record FoldersScanned(String eventId, String scanId, String clientId, String sourceId, long batch, List<ScannedFolder> folders,
                             Map<String, List<Ace>> acls, List<String> removed) implements ScanEvent {
    public FoldersScanned {
        requireNonNull(eventId, "eventId");
        requireNonNull(scanId, "scanId");
        requireNonNull(clientId, "clientId");
        requireNonNull(sourceId, "sourceId");
        folders = List.copyOf(requireNonNull(folders, "folders"));
        acls = acls == null ? Map.of() : Map.copyOf(acls);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    public static String eventIdFor(String scanId, long batch) {
        return scanId + ":folders-" + batch;
    }
}
