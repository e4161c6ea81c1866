package io.aclens.collector.messaging;

import io.aclens.access.Ace;
import io.aclens.access.AclHash;
import io.aclens.access.FolderStateHash;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.contracts.FoldersScanned;
import io.aclens.contracts.ScannedFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Groups a scan's folders into {@link FoldersScanned} events: each folder names its DACL by hash, and a DACL travels
 * only in the first batch that uses it. The scan's DACLs are remembered (at most {@link #REMEMBERED_ACLS}, least
 * recently used forgotten first: a forgotten one is sent again, which the snapshot service takes as before).
 *
 * <p>Given a {@link Baseline} (the source's last snapshot), a folder found in it as it is goes unsent, unless its
 * contents could not be listed (the snapshot service needs it to keep what lies below); once the scan is over, the
 * baseline's folders not found as they were (gone, or changed) are sent as {@code removed}, after every folder. The
 * baseline may still be on its way when the walk begins: the folders read meanwhile wait here (at most
 * {@link #MAX_AWAITING_BASELINE}; then the walk waits) and are compared once it arrived, so fetching it costs the scan no time.
 *
 * <p>Thread-safe. A batch is filled under the lock and numbered; the thread that filled it readies it for sending (its
 * JSON, the costliest step) after leaving the lock, so the walking threads encode at once, and the sends then run in the
 * batches' order, so a definition is never sent after a folder that needs it. A folder's fingerprint (two SHA-256, most
 * of a rescan's work here) is computed before the lock too.
 */
final class FolderBatches {
    static final int REMEMBERED_ACLS = 50_000;
    /** Estimated JSON of a batch, at most: far below Kafka's 1 MiB message limit whatever the paths and descriptors. */
    static final int MAX_BATCH_BYTES = 256 * 1024;
    /** Fingerprints of gone folders per event: 35 bytes of JSON each, about 350 KiB. */
    static final int REMOVED_PER_BATCH = 10_000;
    /** Folders held while the baseline is fetched: about 300 bytes each, some 30 MiB; the walk reads some 50,000 a second. */
    static final int MAX_AWAITING_BASELINE = 100_000;
    private static final int FOLDER_OVERHEAD_BYTES = 200;
    private static final int ACE_BYTES = 96;

    private final String scanId;
    private final String clientId;
    private final String sourceId;
    private final int maxFolders;
    private final CompletableFuture<Baseline> pendingBaseline;
    /** The baseline once it arrived (null: none, every folder is sent); read only once {@link #awaitingBaseline} is null. */
    private Baseline baseline;
    private List<Awaiting> awaitingBaseline = new ArrayList<>();
    /** Readies a batch (in the thread that filled it, outside the lock) and answers the sending of it, run in batch order. */
    private final Function<FoldersScanned, Runnable> sink;
    /** Batches filled under the lock, to be readied and sent by the thread that filled them once it left it. */
    private List<FoldersScanned> filled = new ArrayList<>();
    /** Guards {@link #handedOver}: the sends take turns on it. */
    private final Object turns = new Object();
    /** The number of the last batch whose send ran. */
    private long handedOver;
    /** DACL (by content) → its hash and whether this scan sent it; access order, so the least used is forgotten first. */
    private final Map<List<Ace>, KnownAcl> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Ace>, KnownAcl> eldest) {
            return size() > REMEMBERED_ACLS;
        }
    };
    private List<ScannedFolder> folders = new ArrayList<>();
    private Map<String, List<Ace>> definitions = new LinkedHashMap<>();
    private long bytes;
    private long sequence;
    private long batches;
    private long unchanged;
    private long removed;

    private static final class KnownAcl {
        private final String hash;
        private final List<Ace> dacl;
        private boolean sent;

        private KnownAcl(String hash, List<Ace> dacl) {
            this.hash = hash;
            this.dacl = dacl;
        }
    }

    private record Awaiting(ScannedFolder folder, KnownAcl acl, FolderStateHash.Fingerprint fingerprint) {
    }

    /**
     * @param baseline the source's last snapshot to send only changes against, or null (also as the future's value) to send
     *                 every folder; a future that fails counts as null
     */
    FolderBatches(String scanId, String clientId, String sourceId, int maxFolders, CompletableFuture<Baseline> baseline,
                  Function<FoldersScanned, Runnable> sink) {
        this.scanId = scanId;
        this.clientId = clientId;
        this.sourceId = sourceId;
        this.maxFolders = maxFolders;
        this.pendingBaseline = baseline == null ? CompletableFuture.completedFuture(null) : baseline;
        this.sink = sink;
    }

    void add(CollectedFolder folder, String listError) {
        KnownAcl acl = knownAcl(folder.dacl());
        FolderStateHash.Fingerprint fingerprint = mayHaveBaseline() ? FolderStateHash.fingerprintBits(folder.path(),
                FolderStateHash.of(folder.depth(), folder.ownerSid(), folder.groupSid(), folder.inheritanceProtected(), acl.hash,
                        folder.readError(), folder.sddl())) : null;
        List<FoldersScanned> toSend;
        synchronized (this) {
            ScannedFolder scanned = new ScannedFolder(++sequence, folder.path(), folder.depth(), folder.ownerSid(), folder.groupSid(),
                    folder.inheritanceProtected(), acl.hash, folder.readError(), folder.sddl(), listError);
            if (awaitingBaseline != null) {
                if (!pendingBaseline.isDone() && awaitingBaseline.size() < MAX_AWAITING_BASELINE) {
                    awaitingBaseline.add(new Awaiting(scanned, acl, fingerprint));
                    return;
                }
                compareAwaiting();
            }
            compare(scanned, acl, fingerprint);
            toSend = takeFilled();
        }
        sendInTurn(toSend);
    }

    private KnownAcl knownAcl(List<Ace> dacl) {
        synchronized (known) {
            KnownAcl acl = known.get(dacl);
            if (acl == null) {
                List<Ace> copy = List.copyOf(dacl);
                acl = new KnownAcl(AclHash.of(copy), copy);
                known.put(copy, acl);
            }
            return acl;
        }
    }

    /** Whether a baseline may be compared with: on its way, or arrived; not when none was asked for, or fetching it failed. */
    private boolean mayHaveBaseline() {
        return !pendingBaseline.isDone() || !pendingBaseline.isCompletedExceptionally() && pendingBaseline.getNow(null) != null;
    }

    /** Takes the baseline (waiting for it if need be) and compares the folders read before it came. */
    private void compareAwaiting() {
        try {
            baseline = pendingBaseline.join();
        } catch (CompletionException | CancellationException e) {
            baseline = null; // without a baseline every folder is sent: always right, only slower
        }
        List<Awaiting> awaiting = awaitingBaseline;
        awaitingBaseline = null;
        awaiting.forEach(folder -> compare(folder.folder(), folder.acl(), folder.fingerprint()));
    }

    /** @param fingerprint the folder's, null when no baseline was to be had as it was read (then there is none to compare with) */
    private void compare(ScannedFolder scanned, KnownAcl acl, FolderStateHash.Fingerprint fingerprint) {
        if (baseline != null && baseline.claim(fingerprint) && scanned.listError() == null) {
            unchanged++;
            return;
        }
        if (!acl.sent) {
            acl.sent = true;
            definitions.put(acl.hash, acl.dacl);
            bytes += (long) acl.dacl.size() * ACE_BYTES + acl.hash.length();
        }
        folders.add(scanned);
        bytes += FOLDER_OVERHEAD_BYTES + 3L * (scanned.path().length() + length(scanned.readError()) + length(scanned.listError()))
                + length(scanned.sddl()) + length(scanned.ownerSid()) + length(scanned.groupSid());
        if (folders.size() >= maxFolders || bytes >= MAX_BATCH_BYTES) {
            fill(List.of());
        }
    }

    /**
     * Sends what is left and, against a baseline, the fingerprints of its folders not found; the scan's events are all
     * handed to the sink once this returns.
     */
    void close() {
        List<FoldersScanned> toSend;
        synchronized (this) {
            if (awaitingBaseline != null) {
                compareAwaiting();
            }
            if (!folders.isEmpty()) {
                fill(List.of());
            }
            if (baseline != null) {
                List<String> gone = baseline.unclaimed();
                removed = gone.size();
                for (int from = 0; from < gone.size(); from += REMOVED_PER_BATCH) {
                    fill(gone.subList(from, Math.min(gone.size(), from + REMOVED_PER_BATCH)));
                }
            }
            toSend = takeFilled();
        }
        sendInTurn(toSend);
    }

    /** The baseline compared with, null when every folder was sent (known once {@link #close()} returned). */
    synchronized Baseline baseline() {
        return baseline;
    }

    /** Folders found in the baseline as they are, not sent. */
    synchronized long unchanged() {
        return unchanged;
    }

    /** The baseline's folders not found as they were, sent as removed (known once {@link #close()} returned). */
    synchronized long removed() {
        return removed;
    }

    /** Closes the current batch, numbered next; the thread that filled it sends it once out of the lock. */
    private void fill(List<String> gone) {
        batches++;
        filled.add(new FoldersScanned(FoldersScanned.eventIdFor(scanId, batches), scanId, clientId, sourceId, batches, folders, definitions,
                gone));
        folders = new ArrayList<>();
        definitions = new LinkedHashMap<>();
        bytes = 0;
    }

    private List<FoldersScanned> takeFilled() {
        if (filled.isEmpty()) {
            return List.of();
        }
        List<FoldersScanned> taken = filled;
        filled = new ArrayList<>();
        return taken;
    }

    /**
     * Readies each batch here, then sends it when every batch numbered before it was sent (their threads ready them at
     * the same time). Every batch takes its turn even when readying or sending one failed (an {@code Error} too), so no
     * other thread's later batch waits forever; the batches after a failure are not sent, and the failure is thrown.
     */
    private void sendInTurn(List<FoldersScanned> toSend) {
        Throwable failure = null;
        boolean interrupted = false;
        for (FoldersScanned batch : toSend) {
            Runnable send = null;
            if (failure == null) {
                try {
                    send = sink.apply(batch);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
            synchronized (turns) {
                while (handedOver != batch.batch() - 1) {
                    try {
                        turns.wait(); // the earlier batches' threads are readying or sending them: the turn comes
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                try {
                    if (send != null) {
                        send.run();
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    handedOver = batch.batch();
                    turns.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
