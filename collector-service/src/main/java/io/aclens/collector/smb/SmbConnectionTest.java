package io.aclens.collector.smb;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.contracts.api.ConnectionTestResult;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The steps of a scan up to its first folder, each answered with a reason an operator can act on: the server
 * answers, the account logs on, the share exists (or the server offers disk shares), and the account may read the
 * start folder's permissions (READ_CONTROL) — over a signed session, as a scan would.
 */
final class SmbConnectionTest {
    private SmbConnectionTest() {
    }

    static ConnectionTestResult run(CollectorConfig.SmbSource source, char[] password, Function<String, SmbTarget> targetFor,
                                    boolean wholeServer) {
        String server = source.host() + ":" + source.port();
        try (SMBClient client = SmbSessions.newClient()) {
            Session session;
            try {
                session = SmbSessions.open(client, targetFor.apply("IPC$"));
            } catch (SMBApiException e) {
                return refusedLogon(e, source);
            } catch (IOException e) {
                return ConnectionTestResult.failed("host", "Cannot reach the SMB server " + server + ": " + rootCause(e));
            }
            List<String> shares;
            if (wholeServer) {
                try {
                    shares = new SmbServerInfo(session).diskShares(source.includeAdministrativeShares());
                } catch (IOException | RuntimeException e) {
                    return ConnectionTestResult.failed("share", "Cannot list the shares of " + source.host() + ": " + rootCause(e));
                }
                if (shares.isEmpty()) {
                    return ConnectionTestResult.failed("share", "The server " + source.host() + " offers no disk share to scan");
                }
            } else {
                shares = List.of(source.share().orElseThrow());
            }
            for (String share : shares) {
                ConnectionTestResult result = readRoot(session, targetFor.apply(share));
                if (!result.ok()) {
                    return result;
                }
            }
            return ConnectionTestResult.passed("Logged on to " + server + " as " + account(source) + " and read the permissions of "
                    + (shares.size() == 1 ? targetFor.apply(shares.get(0)).uncPath() : shares.size() + " shares' start folders"));
        }
    }

    private static ConnectionTestResult readRoot(Session session, SmbTarget target) {
        DiskShare share;
        try {
            share = (DiskShare) session.connectShare(target.share());
        } catch (SMBApiException e) {
            if (e.getStatus() == NtStatus.STATUS_BAD_NETWORK_NAME) {
                return ConnectionTestResult.failed("share", "The server has no share named '" + target.share() + "'");
            }
            return ConnectionTestResult.failed("share", "The server refused the share '" + target.share() + "': " + e.getStatus());
        } catch (ClassCastException e) {
            return ConnectionTestResult.failed("share", "'" + target.share() + "' is not a disk share");
        }
        try (share) {
            share.getSecurityInfo(target.path(), SmbFolderBatch.OWNER_GROUP_DACL);
            return ConnectionTestResult.passed(target.uncPath());
        } catch (SMBApiException e) {
            if (e.getStatus() == NtStatus.STATUS_ACCESS_DENIED) {
                return ConnectionTestResult.failed("permissions", "The account " + target.username() + " may not read the permissions of "
                        + target.uncPath() + " (READ_CONTROL denied): grant it read access, or make it a member of Backup Operators");
            }
            if (e.getStatus() == NtStatus.STATUS_OBJECT_NAME_NOT_FOUND || e.getStatus() == NtStatus.STATUS_OBJECT_PATH_NOT_FOUND) {
                return ConnectionTestResult.failed("share", "There is no folder " + target.uncPath());
            }
            return ConnectionTestResult.failed("permissions", "Cannot read the permissions of " + target.uncPath() + ": " + e.getStatus());
        } catch (IOException e) {
            return ConnectionTestResult.failed("share", "Cannot read " + target.uncPath() + ": " + rootCause(e));
        }
    }

    private static ConnectionTestResult refusedLogon(SMBApiException e, CollectorConfig.SmbSource source) {
        String why = switch (e.getStatus()) {
            case STATUS_LOGON_FAILURE -> "the user name or password is wrong";
            case STATUS_ACCOUNT_DISABLED -> "the account is disabled";
            case STATUS_PASSWORD_EXPIRED -> "the account's password has expired";
            default -> "the server refused the logon (" + e.getStatus() + ")";
        };
        return ConnectionTestResult.failed("credentials", "Cannot log on to " + source.host() + " as " + account(source) + ": " + why);
    }

    private static String account(CollectorConfig.SmbSource source) {
        return source.domain().map(d -> d + "\\").orElse("") + source.username();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
