package io.aclens.snapshot;

import io.aclens.access.Ace;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.AclHash;
import io.aclens.access.FolderStateHash;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScannedFolder;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScanStarted;
import io.aclens.contracts.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the events of one scan the way the collector publishes them. */
final class ScanEvents {
    static final int PER_BATCH = 2;

    final String scanId = UUID.randomUUID().toString();
    final String clientId;
    final String sourceId;
    private final Map<String, List<Ace>> folders = new LinkedHashMap<>();
    private final Map<String, String> sddls = new LinkedHashMap<>();
    private final java.util.Set<String> notListed = new java.util.HashSet<>();

    ScanEvents(String clientId, String sourceId) {
        this.clientId = clientId;
        this.sourceId = sourceId;
    }

    ScanEvents folder(String path, Ace... dacl) {
        folders.put(path, List.of(dacl));
        return this;
    }

    /** A folder of an NT source, given as the SDDL the server printed. */
    ScanEvents ntFolder(String path, String sddl) {
        folders.put(path, io.aclens.access.nt.Sddl.parse(sddl).effectiveDacl());
        sddls.put(path, sddl);
        return this;
    }

    /** A folder whose security was read but whose contents could not be listed. */
    ScanEvents notListed(String path, Ace... dacl) {
        folder(path, dacl);
        notListed.add(path);
        return this;
    }

    ScanStarted started() {
        return new ScanStarted(scanId + ":started", scanId, clientId, sourceId, SourceKind.LOCAL_POSIX, "/srv", Instant.now());
    }

    /** One event per folder, each with its whole DACL, as collectors sent them before batches. */
    List<FolderScanned> singleFolderEvents() {
        List<FolderScanned> events = new ArrayList<>();
        long seq = 0;
        for (Map.Entry<String, List<Ace>> folder : folders.entrySet()) {
            seq++;
            int depth = (int) folder.getKey().chars().filter(c -> c == '/').count() - 1;
            events.add(new FolderScanned(scanId + ":" + seq, scanId, clientId, sourceId, seq, folder.getKey(), depth,
                    "S-1-22-1-0", "S-1-22-2-0", false, folder.getValue(), null, sddls.get(folder.getKey()),
                    notListed.contains(folder.getKey()) ? "cannot list contents: ACCESS_DENIED" : null));
        }
        return events;
    }

    /** The folders in batches of {@value #PER_BATCH}, each DACL defined in the first batch that names it, as the collector sends them. */
    List<FoldersScanned> folderEvents() {
        List<FoldersScanned> batches = new ArrayList<>();
        java.util.Set<String> defined = new java.util.HashSet<>();
        List<ScannedFolder> batch = new ArrayList<>();
        Map<String, List<Ace>> definitions = new LinkedHashMap<>();
        for (FolderScanned folder : singleFolderEvents()) {
            String hash = AclHash.of(folder.dacl());
            if (defined.add(hash)) {
                definitions.put(hash, folder.dacl());
            }
            batch.add(new ScannedFolder(folder.sequence(), folder.path(), folder.depth(), folder.ownerSid(), folder.groupSid(),
                    folder.inheritanceProtected(), hash, folder.readError(), folder.sddl(), folder.listError()));
            if (batch.size() == PER_BATCH) {
                batches.add(batch(batches.size() + 1, batch, definitions));
                batch = new ArrayList<>();
                definitions = new LinkedHashMap<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch(batches.size() + 1, batch, definitions));
        }
        return batches;
    }

    /** A batch as given, its event id as the collector derives it. */
    FoldersScanned batch(long number, List<ScannedFolder> folders, Map<String, List<Ace>> definitions) {
        return new FoldersScanned(FoldersScanned.eventIdFor(scanId, number), scanId, clientId, sourceId, number, folders, definitions, List.of());
    }

    ScanCompleted completed(long folderCount) {
        return new ScanCompleted(scanId + ":completed", scanId, clientId, sourceId, folderCount, 0, List.of(),
                List.of(new Principal("S-1-22-1-1001", "bob", "Bob Builder", PrincipalKind.USER)), 5, Instant.now(), null, null, 0, 0);
    }

    /**
     * The events of this scan as a rescan against {@code baseline} sends them, computing fingerprints as the collector
     * does: only the folders the baseline lacks (and those not listed), then the baseline's folders not seen as removed.
     */
    List<ScanEvent> againstBaseline(io.aclens.contracts.api.ScanBaseline baseline) {
        java.util.Set<String> before = new java.util.HashSet<>(baseline.hexFingerprints());
        java.util.Set<String> claimed = new java.util.HashSet<>();
        List<ScannedFolder> sent = new ArrayList<>();
        Map<String, List<Ace>> definitions = new LinkedHashMap<>();
        long unchanged = 0;
        for (FolderScanned folder : singleFolderEvents()) {
            String hash = AclHash.of(folder.dacl());
            String fingerprint = FolderStateHash.fingerprint(folder.path(), FolderStateHash.of(folder.depth(), folder.ownerSid(),
                    folder.groupSid(), folder.inheritanceProtected(), hash, folder.readError(), folder.sddl()));
            if (before.contains(fingerprint)) {
                claimed.add(fingerprint);
                if (folder.listError() == null) {
                    unchanged++;
                    continue;
                }
            }
            definitions.putIfAbsent(hash, folder.dacl());
            sent.add(new ScannedFolder(folder.sequence(), folder.path(), folder.depth(), folder.ownerSid(), folder.groupSid(),
                    folder.inheritanceProtected(), hash, folder.readError(), folder.sddl(), folder.listError()));
        }
        List<String> removed = baseline.hexFingerprints().stream().filter(fingerprint -> !claimed.contains(fingerprint)).toList();
        List<ScanEvent> events = new ArrayList<>();
        events.add(started());
        events.add(batch(1, sent, definitions));
        events.add(new FoldersScanned(FoldersScanned.eventIdFor(scanId, 2), scanId, clientId, sourceId, 2, List.of(), Map.of(), removed));
        events.add(new ScanCompleted(scanId + ":completed", scanId, clientId, sourceId, folders.size(), 0, List.of(), List.of(), 5, Instant.now(),
                null, baseline.snapshotId(), unchanged, removed.size()));
        return events;
    }

    /** The folders in two large batches (each under a record's 1 MB), as a collector with a large batch size sends them. */
    List<ScanEvent> inTwoBatches() {
        List<ScannedFolder> all = new ArrayList<>();
        Map<String, List<Ace>> definitions = new LinkedHashMap<>();
        for (FoldersScanned batch : folderEvents()) {
            all.addAll(batch.folders());
            definitions.putAll(batch.acls());
        }
        int half = all.size() / 2;
        return List.of(started(), batch(1, all.subList(0, half), definitions), batch(2, all.subList(half, all.size()), Map.of()),
                completed(folders.size()));
    }

    List<ScanEvent> all() {
        List<ScanEvent> events = new ArrayList<>();
        events.add(started());
        events.addAll(folderEvents());
        events.add(completed(folders.size()));
        return events;
    }
}
