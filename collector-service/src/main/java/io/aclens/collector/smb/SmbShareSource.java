package io.aclens.collector.smb;

import com.hierynomus.msdtyp.SecurityInformation;
import com.hierynomus.msdtyp.ace.ACE;
import com.hierynomus.msdtyp.ace.AceFlags;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileIdBothDirectoryInformation;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.share.Directory;
import com.hierynomus.smbj.share.DiskShare;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.AceType;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.nt.SecurityDescriptor;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.collector.service.CollectionTally;
import io.aclens.collector.service.FolderSource;
import io.aclens.contracts.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Windows (or Samba) share read remotely over SMB2/3 with a service account: owner, group, control flags
 * and DACL of every folder, walked breadth first with several requests in flight on one session. A folder
 * whose security or contents cannot be read is recorded with the NT status and the walk goes on.
 */
public final class SmbShareSource implements FolderSource {
    private static final Set<com.hierynomus.msdtyp.AccessMask> READ_AND_LIST = EnumSet.of(com.hierynomus.msdtyp.AccessMask.READ_CONTROL,
            com.hierynomus.msdtyp.AccessMask.FILE_LIST_DIRECTORY, com.hierynomus.msdtyp.AccessMask.FILE_READ_ATTRIBUTES);
    private static final Set<SecurityInformation> WANTED = EnumSet.of(SecurityInformation.OWNER_SECURITY_INFORMATION,
            SecurityInformation.GROUP_SECURITY_INFORMATION, SecurityInformation.DACL_SECURITY_INFORMATION);

    private final SmbTarget target;

    public SmbShareSource(SmbTarget target) {
        this.target = target;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SMB;
    }

    @Override
    public Principal resolve(String sid) {
        // names come from the directory (LDAP/AD sync); the share itself only gives SIDs
        return WellKnownSids.lookup(sid).orElseGet(() -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED));
    }

    @Override
    public void collect(CollectionTally tally) throws IOException {
        // a server serves each connection in order (Samba: one smbd process per client), so spread the workers
        // over several connections; each needs its own config, hence its own client GUID, or Samba hands all of
        // them to the same process (multichannel)
        int connections = Math.max(1, Math.min(target.connections(), target.parallelism()));
        List<SMBClient> clients = new ArrayList<>();
        List<DiskShare> shares = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                SMBClient client = new SMBClient(SmbConfig.builder().withTimeout(60, TimeUnit.SECONDS)
                        .withSoTimeout(120, TimeUnit.SECONDS).withDfsEnabled(false).build());
                clients.add(client);
                Connection connection = client.connect(target.host(), target.port());
                Session session = connection.authenticate(new AuthenticationContext(target.username(), target.password(), target.domain()));
                shares.add((DiskShare) session.connectShare(target.share()));
            }
            AtomicInteger threads = new AtomicInteger();
            ThreadLocal<DiskShare> shareOfThread = ThreadLocal.withInitial(() -> shares.get(threads.getAndIncrement() % shares.size()));
            ExecutorService workers = Executors.newFixedThreadPool(target.parallelism(), task -> {
                Thread thread = new Thread(task, "aclens-smb-" + target.host());
                thread.setDaemon(true);
                return thread;
            });
            try {
                new Walk(shareOfThread, tally, workers).run(target.path());
            } finally {
                workers.shutdownNow();
            }
        } catch (SMBApiException e) {
            throw new IOException("Cannot open \\\\" + target.host() + "\\" + target.share() + ": " + e.getStatus(), e);
        } finally {
            for (SMBClient client : clients) {
                client.close();
            }
        }
    }

    /** Maps an SMB security descriptor onto ACLens' model; ACE kinds other than allow/deny grant nothing on a folder. */
    static SecurityDescriptor toModel(com.hierynomus.msdtyp.SecurityDescriptor sd) {
        Set<SecurityDescriptor.Control> control = EnumSet.noneOf(SecurityDescriptor.Control.class);
        Set<com.hierynomus.msdtyp.SecurityDescriptor.Control> flags = sd.getControl();
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.PD)) {
            control.add(SecurityDescriptor.Control.DACL_PROTECTED);
        }
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.DI)) {
            control.add(SecurityDescriptor.Control.DACL_AUTO_INHERITED);
        }
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.DC)) {
            control.add(SecurityDescriptor.Control.DACL_AUTO_INHERIT_REQUIRED);
        }
        List<Ace> dacl = null;
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.DP) && sd.getDacl() != null) {
            dacl = new ArrayList<>();
            for (ACE ace : sd.getDacl().getAces()) {
                AceType type = switch (ace.getAceHeader().getAceType()) {
                    case ACCESS_ALLOWED_ACE_TYPE -> AceType.ALLOW;
                    case ACCESS_DENIED_ACE_TYPE -> AceType.DENY;
                    default -> null;
                };
                if (type != null) {
                    dacl.add(new Ace(type, ace.getSid().toString(), (int) ace.getAccessMask(), flags(ace.getAceHeader().getAceFlags())));
                }
            }
        }
        return new SecurityDescriptor(sd.getOwnerSid() == null ? null : sd.getOwnerSid().toString(),
                sd.getGroupSid() == null ? null : sd.getGroupSid().toString(), control, dacl);
    }

    private static Set<AceFlag> flags(Set<AceFlags> smbFlags) {
        Set<AceFlag> flags = EnumSet.noneOf(AceFlag.class);
        for (AceFlags flag : smbFlags) {
            switch (flag) {
                case OBJECT_INHERIT_ACE -> flags.add(AceFlag.OBJECT_INHERIT);
                case CONTAINER_INHERIT_ACE -> flags.add(AceFlag.CONTAINER_INHERIT);
                case NO_PROPAGATE_INHERIT_ACE -> flags.add(AceFlag.NO_PROPAGATE);
                case INHERIT_ONLY_ACE -> flags.add(AceFlag.INHERIT_ONLY);
                case INHERITED_ACE -> flags.add(AceFlag.INHERITED);
                default -> {
                    // audit flags do not occur in a DACL
                }
            }
        }
        return flags;
    }

    /** The parallel walk: each folder is a task; the walk ends when no task is pending. */
    private final class Walk {
        private final ThreadLocal<DiskShare> shareOfThread;
        private final CollectionTally tally;
        private final ExecutorService workers;
        private final AtomicInteger pending = new AtomicInteger();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Walk(ThreadLocal<DiskShare> shareOfThread, CollectionTally tally, ExecutorService workers) {
            this.shareOfThread = shareOfThread;
            this.tally = tally;
            this.workers = workers;
        }

        void run(String rootPath) throws IOException {
            submit(rootPath, 0);
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while walking " + display(rootPath), e);
            } catch (ExecutionException e) {
                throw new IOException("Walking " + display(rootPath) + " failed: " + e.getCause().getMessage(), e.getCause());
            }
        }

        private void submit(String path, int depth) {
            pending.incrementAndGet();
            workers.execute(() -> {
                try {
                    visit(path, depth);
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                } finally {
                    if (pending.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                }
            });
        }

        private void visit(String path, int depth) {
            DiskShare share = shareOfThread.get();
            Directory directory;
            try {
                directory = share.openDirectory(path, READ_AND_LIST, null, SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null);
            } catch (SMBApiException refused) {
                visitPiecewise(share, path, depth); // may read one of the two: try each on its own
                return;
            }
            CollectedFolder folder;
            String listError = null;
            try {
                folder = read(path, depth, directory.getSecurityInformation(WANTED));
                if (depth < target.maxDepth()) {
                    try {
                        descend(path, depth, directory.list());
                    } catch (SMBApiException e) {
                        listError = "cannot list contents: " + e.getStatus();
                    }
                }
            } catch (SMBApiException e) {
                folder = unreadable(path, depth, e);
            } finally {
                directory.closeNoWait();
            }
            tally.add(folder, folder.readError() == null ? listError : null);
        }

        private void visitPiecewise(DiskShare share, String path, int depth) {
            CollectedFolder folder;
            try {
                folder = read(path, depth, share.getSecurityInfo(path, WANTED));
            } catch (SMBApiException e) {
                folder = unreadable(path, depth, e);
            }
            String listError = null;
            if (depth < target.maxDepth()) {
                try {
                    descend(path, depth, share.list(path));
                } catch (SMBApiException e) {
                    listError = "cannot list contents: " + e.getStatus();
                }
            }
            tally.add(folder, folder.readError() == null ? listError : null);
        }

        private CollectedFolder read(String path, int depth, com.hierynomus.msdtyp.SecurityDescriptor raw) {
            SecurityDescriptor sd = toModel(raw);
            return CollectedFolder.ofDescriptor(display(path), depth, sd.ownerSid(), sd, null);
        }

        private CollectedFolder unreadable(String path, int depth, SMBApiException e) {
            return new CollectedFolder(display(path), depth, null, null, false, List.of(), String.valueOf(e.getStatus()));
        }

        private void descend(String path, int depth, List<FileIdBothDirectoryInformation> entries) {
            for (FileIdBothDirectoryInformation entry : entries) {
                String name = entry.getFileName();
                long attributes = entry.getFileAttributes();
                boolean directory = (attributes & FileAttributes.FILE_ATTRIBUTE_DIRECTORY.getValue()) != 0;
                boolean reparse = (attributes & FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT.getValue()) != 0;
                if (directory && !reparse && !name.equals(".") && !name.equals("..")) {
                    submit(path.isEmpty() ? name : path + "\\" + name, depth + 1);
                }
            }
        }

        private String display(String path) {
            return "\\\\" + target.host() + "\\" + target.share() + (path.isEmpty() ? "" : "\\" + path);
        }
    }
}
