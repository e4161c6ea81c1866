package io.aclens.collector.smb;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msdtyp.SecurityDescriptor;
import com.hierynomus.msdtyp.SecurityInformation;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.FileInformationClass;
import com.hierynomus.msfscc.fileinformation.FileDirectoryInformation;
import com.hierynomus.msfscc.fileinformation.FileInformation;
import com.hierynomus.msfscc.fileinformation.FileInformationFactory;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.mssmb2.SMB2FileId;
import com.hierynomus.mssmb2.SMB2ImpersonationLevel;
import com.hierynomus.mssmb2.SMB2Packet;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.messages.SMB2Close;
import com.hierynomus.mssmb2.messages.SMB2CreateRequest;
import com.hierynomus.mssmb2.messages.SMB2CreateResponse;
import com.hierynomus.mssmb2.messages.SMB2QueryDirectoryRequest;
import com.hierynomus.mssmb2.messages.SMB2QueryDirectoryResponse;
import com.hierynomus.mssmb2.messages.SMB2QueryInfoRequest;
import com.hierynomus.mssmb2.messages.SMB2QueryInfoResponse;
import com.hierynomus.protocol.commons.buffer.Buffer;
import com.hierynomus.smb.SMBBuffer;
import com.hierynomus.smbj.common.SmbPath;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a batch of folders over one SMB session with every request of a step in flight before the first answer
 * is awaited: open all, then query security and list all, then confirm each listing's end, then close all. A
 * folder costs five round trips either way; here a batch of them costs three waits, which is what lets a scan
 * keep up with the server. smbj's file-handle API waits for each answer, so this speaks its message layer
 * (smbj still numbers, signs and matches the messages).
 */
final class SmbFolderBatch {
    /** What the scanner asks for: the descriptor and the names inside, nothing it could change. */
    static final Set<AccessMask> READ_AND_LIST = EnumSet.of(AccessMask.READ_CONTROL, AccessMask.FILE_LIST_DIRECTORY,
            AccessMask.FILE_READ_ATTRIBUTES);
    static final Set<SecurityInformation> OWNER_GROUP_DACL = EnumSet.of(SecurityInformation.OWNER_SECURITY_INFORMATION,
            SecurityInformation.GROUP_SECURITY_INFORMATION, SecurityInformation.DACL_SECURITY_INFORMATION);
    /** One credit's worth of directory entries per answer (about 600 names); larger folders take more answers. */
    private static final int LIST_BUFFER_BYTES = 65_536;
    private static final long TIMEOUT_SECONDS = 120;
    private static final FileInformation.Decoder<FileDirectoryInformation> ENTRY_DECODER =
            FileInformationFactory.getDecoder(FileDirectoryInformation.class);

    /** A folder to read; {@code list} says whether its sub-folders are wanted (false at the depth limit). */
    record Request(String path, int depth, boolean list) {
    }

    /**
     * What the server said about one folder.
     *
     * @param openStatus     non-null when the folder could not be opened for reading and listing at once
     * @param descriptor     the descriptor, or null when {@code securityStatus} says why not
     * @param subfolders     names of the sub-folders (not "." or ".."), when listed
     * @param listStatus     non-null when the listing failed
     */
    record Result(Request request, NtStatus openStatus, SecurityDescriptor descriptor, NtStatus securityStatus,
                  List<String> subfolders, NtStatus listStatus) {
    }

    private final Session session;
    private final SMB2Dialect dialect;
    private final long sessionId;
    private final long treeId;
    private final String host;
    private final String shareName;

    SmbFolderBatch(DiskShare share) {
        this.session = share.getTreeConnect().getSession();
        this.dialect = session.getConnection().getNegotiatedProtocol().getDialect();
        this.sessionId = session.getSessionId();
        this.treeId = share.getTreeConnect().getTreeId();
        this.host = share.getSmbPath().getHostname();
        this.shareName = share.getSmbPath().getShareName();
    }

    /** Reads every folder of the batch; throws only when the connection itself fails. */
    List<Result> read(List<Request> batch) throws IOException {
        List<Future<SMB2CreateResponse>> opens = new ArrayList<>(batch.size());
        for (Request request : batch) {
            opens.add(send(new SMB2CreateRequest(dialect, sessionId, treeId, SMB2ImpersonationLevel.Impersonation, READ_AND_LIST, null,
                    SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, EnumSet.of(SMB2CreateOptions.FILE_DIRECTORY_FILE),
                    new SmbPath(host, shareName, request.path()))));
        }
        List<Open> open = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Open folder = new Open(batch.get(i));
            open.add(folder);
            SMB2CreateResponse created = await(opens.get(i));
            folder.openStatus = status(created);
            if (folder.openStatus != NtStatus.STATUS_SUCCESS) {
                continue;
            }
            folder.fileId = created.getFileId();
            folder.security = send(new SMB2QueryInfoRequest(dialect, sessionId, treeId, folder.fileId,
                    SMB2QueryInfoRequest.SMB2QueryInfoType.SMB2_0_INFO_SECURITY, null, null, null, OWNER_GROUP_DACL));
            if (folder.request.list()) {
                folder.listing = list(folder.fileId, true);
            }
        }
        for (Open folder : open) {
            if (folder.security != null) {
                SMB2QueryInfoResponse answer = await(folder.security);
                folder.securityStatus = status(answer);
                if (folder.securityStatus == NtStatus.STATUS_SUCCESS) {
                    folder.descriptor = parse(answer);
                }
            }
            if (folder.listing != null) {
                folder.readListing(); // and asks for the next entries: the server says "no more" only when asked again
            }
        }
        List<Result> results = new ArrayList<>(batch.size());
        for (Open folder : open) {
            while (folder.listing != null) {
                folder.readListing(); // nearly always "no more files" at once; a big folder takes one answer per 600 names
            }
            if (folder.fileId != null) {
                send(new SMB2Close(dialect, sessionId, treeId, folder.fileId)); // the answer is not awaited
            }
            results.add(folder.result());
        }
        return results;
    }

    private Future<SMB2QueryDirectoryResponse> list(SMB2FileId fileId, boolean fromStart) throws IOException {
        return send(new SMB2QueryDirectoryRequest(dialect, sessionId, treeId, fileId, FileInformationClass.FileDirectoryInformation,
                fromStart ? EnumSet.of(SMB2QueryDirectoryRequest.SMB2QueryDirectoryFlags.SMB2_RESTART_SCANS)
                        : EnumSet.noneOf(SMB2QueryDirectoryRequest.SMB2QueryDirectoryFlags.class), 0, "*", LIST_BUFFER_BYTES));
    }

    /** One folder's state across the steps of a batch. */
    private final class Open {
        final Request request;
        NtStatus openStatus;
        SMB2FileId fileId;
        Future<SMB2QueryInfoResponse> security;
        NtStatus securityStatus;
        SecurityDescriptor descriptor;
        Future<SMB2QueryDirectoryResponse> listing;
        final List<String> subfolders = new ArrayList<>();
        NtStatus listStatus;

        Open(Request request) {
            this.request = request;
        }

        /** Takes the pending listing answer and, while the server has more, asks for the next. */
        void readListing() throws IOException {
            SMB2QueryDirectoryResponse answer = await(listing);
            listing = null;
            NtStatus status = status(answer);
            if (status == NtStatus.STATUS_NO_MORE_FILES) {
                return;
            }
            if (status != NtStatus.STATUS_SUCCESS) {
                listStatus = status;
                return;
            }
            for (FileDirectoryInformation info : FileInformationFactory.parseFileInformationList(answer.getOutputBuffer(), ENTRY_DECODER)) {
                if (isSubfolder(info.getFileName(), info.getFileAttributes())) {
                    subfolders.add(info.getFileName());
                }
            }
            listing = list(fileId, false);
        }

        Result result() {
            return new Result(request, openStatus == NtStatus.STATUS_SUCCESS ? null : openStatus, descriptor,
                    securityStatus == NtStatus.STATUS_SUCCESS ? null : securityStatus, List.copyOf(subfolders), listStatus);
        }
    }

    /** A directory that is not a link elsewhere (reparse points, junctions, are not followed), nor "." or "..". */
    static boolean isSubfolder(String name, long attributes) {
        boolean directory = (attributes & FileAttributes.FILE_ATTRIBUTE_DIRECTORY.getValue()) != 0;
        boolean reparse = (attributes & FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT.getValue()) != 0;
        return directory && !reparse && !name.equals(".") && !name.equals("..");
    }

    private static SecurityDescriptor parse(SMB2QueryInfoResponse answer) throws IOException {
        try {
            return SecurityDescriptor.read(new SMBBuffer(answer.getOutputBuffer()));
        } catch (Buffer.BufferException e) {
            throw new IOException("The server sent a security descriptor that cannot be read", e);
        }
    }

    private static NtStatus status(SMB2Packet answer) {
        return NtStatus.valueOf(answer.getHeader().getStatusCode());
    }

    private <T extends SMB2Packet> Future<T> send(SMB2Packet request) throws IOException {
        return session.send(request);
    }

    private static <T> T await(Future<T> answer) throws IOException {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the SMB server", e);
        } catch (ExecutionException e) {
            throw new IOException("The SMB connection failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("The SMB server did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
