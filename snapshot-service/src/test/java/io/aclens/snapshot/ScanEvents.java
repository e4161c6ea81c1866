package io.aclens.snapshot;

import io.aclens.access.Ace;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.contracts.FolderScanned;
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

    List<FolderScanned> folderEvents() {
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

    ScanCompleted completed(long folderCount) {
        return new ScanCompleted(scanId + ":completed", scanId, clientId, sourceId, folderCount, 0, List.of(),
                List.of(new Principal("S-1-22-1-1001", "bob", "Bob Builder", PrincipalKind.USER)), 5, Instant.now(), null);
    }

    List<ScanEvent> all() {
        List<ScanEvent> events = new ArrayList<>();
        events.add(started());
        events.addAll(folderEvents());
        events.add(completed(folders.size()));
        return events;
    }
}
