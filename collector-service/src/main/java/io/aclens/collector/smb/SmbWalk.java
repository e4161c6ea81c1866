package io.aclens.collector.smb;

import com.hierynomus.msfscc.fileinformation.FileIdBothDirectoryInformation;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.DiskShare;
import io.aclens.access.nt.SecurityDescriptor;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.collector.service.CollectionTally;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks a share: one thread per connection takes up to {@code batchSize} folders from the shared queue,
 * newest first, reads them as one {@link SmbFolderBatch} and queues their sub-folders. A folder that cannot be
 * opened for reading and listing at once is retried with each right on its own; whatever stays unreadable is
 * recorded with the NT status and the walk goes on. The walk ends when no folder is queued or being read.
 */
final class SmbWalk {
    private static final long IDLE_POLL_MILLIS = 20;

    private final SmbTarget target;
    private final List<DiskShare> shares;
    private final int batchSize;
    private final CollectionTally tally;
    private final LinkedBlockingDeque<SmbFolderBatch.Request> queue = new LinkedBlockingDeque<>();
    /** Folders queued or being read; zero means the walk is over. */
    private final AtomicInteger unfinished = new AtomicInteger();

    SmbWalk(SmbTarget target, List<DiskShare> shares, int batchSize, CollectionTally tally) {
        this.target = target;
        this.shares = shares;
        this.batchSize = batchSize;
        this.tally = tally;
    }

    void run() throws IOException {
        enqueue(target.path(), 0);
        ExecutorService threads = Executors.newFixedThreadPool(shares.size(), task -> {
            Thread thread = new Thread(task, "aclens-smb-" + target.host());
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Void> connections = new ExecutorCompletionService<>(threads);
            for (DiskShare share : shares) {
                connections.submit(() -> readUntilDone(share));
            }
            for (int ended = 0; ended < shares.size(); ended++) {
                connections.take().get(); // the first failure ends the walk
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while walking " + target.uncPath(), e);
        } catch (ExecutionException e) {
            throw new IOException("Walking " + target.uncPath() + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            threads.shutdownNow(); // after a failure the other connections stop at their next batch
        }
    }

    private Void readUntilDone(DiskShare share) throws IOException, InterruptedException {
        SmbFolderBatch reader = new SmbFolderBatch(share);
        List<SmbFolderBatch.Request> batch = new ArrayList<>(batchSize);
        while (unfinished.get() > 0) {
            // newest first: the walk goes deep before wide, so what waits is bounded by depth times fan-out, not by
            // the widest level of a share with millions of folders
            SmbFolderBatch.Request next = queue.pollLast(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            while (next != null) {
                batch.add(next);
                next = batch.size() < batchSize ? queue.pollLast() : null;
            }
            if (batch.isEmpty()) {
                continue; // the queue may refill from folders other connections are reading
            }
            for (SmbFolderBatch.Result result : reader.read(batch)) {
                record(share, result);
            }
            unfinished.addAndGet(-batch.size());
            batch.clear();
        }
        return null;
    }

    private void record(DiskShare share, SmbFolderBatch.Result result) {
        SmbFolderBatch.Request request = result.request();
        if (result.openStatus() != null) {
            readPiecewise(share, request);
            return;
        }
        CollectedFolder folder = result.descriptor() != null ? read(request, result.descriptor())
                : unreadable(request, String.valueOf(result.securityStatus()));
        String listError = result.listStatus() == null ? null : "cannot list contents: " + result.listStatus();
        tally.add(folder, listError);
        enqueueChildren(request, result.subfolders()); // after the folder itself, so a parent is always published first
    }

    /** The service account may hold only one of the two rights: ask for each on its own. */
    private void readPiecewise(DiskShare share, SmbFolderBatch.Request request) {
        CollectedFolder folder;
        try {
            folder = read(request, share.getSecurityInfo(request.path(), SmbFolderBatch.OWNER_GROUP_DACL));
        } catch (SMBApiException e) {
            folder = unreadable(request, String.valueOf(e.getStatus()));
        }
        String listError = null;
        List<String> subfolders = new ArrayList<>();
        if (request.list()) {
            try {
                for (FileIdBothDirectoryInformation entry : share.list(request.path())) {
                    if (SmbFolderBatch.isSubfolder(entry.getFileName(), entry.getFileAttributes())) {
                        subfolders.add(entry.getFileName());
                    }
                }
            } catch (SMBApiException e) {
                listError = "cannot list contents: " + e.getStatus();
            }
        }
        tally.add(folder, listError);
        enqueueChildren(request, subfolders);
    }

    private void enqueueChildren(SmbFolderBatch.Request parent, List<String> names) {
        for (String name : names) {
            enqueue(parent.path().isEmpty() ? name : parent.path() + "\\" + name, parent.depth() + 1);
        }
    }

    private void enqueue(String path, int depth) {
        unfinished.incrementAndGet();
        queue.add(new SmbFolderBatch.Request(path, depth, depth < target.maxDepth()));
    }

    private CollectedFolder read(SmbFolderBatch.Request request, com.hierynomus.msdtyp.SecurityDescriptor raw) {
        SecurityDescriptor sd = SmbShareSource.toModel(raw);
        return CollectedFolder.ofDescriptor(display(request.path()), request.depth(), sd.ownerSid(), sd, null);
    }

    private CollectedFolder unreadable(SmbFolderBatch.Request request, String status) {
        return new CollectedFolder(display(request.path()), request.depth(), null, null, false, List.of(), status);
    }

    private String display(String path) {
        return SmbTarget.uncPath(target.host(), target.share(), path);
    }
}
