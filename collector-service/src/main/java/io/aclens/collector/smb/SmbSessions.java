package io.aclens.collector.smb;

import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.session.Session;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Opens SMB sessions for a target's server: one place for timeouts, DFS and authentication. */
final class SmbSessions {
    private SmbSessions() {
    }

    /** Work done over one session to the server; the SMB exception says why the server refused it. */
    interface SessionWork<T> {
        T apply(Session session) throws IOException;
    }

    /**
     * A client of its own: each has its own client GUID, so Samba gives each its own process instead of multichannel.
     * Signing is required: an audit tool must not read permissions a machine in the middle could have rewritten.
     */
    static SMBClient newClient() {
        return new SMBClient(SmbConfig.builder().withTimeout(60, TimeUnit.SECONDS).withSoTimeout(120, TimeUnit.SECONDS)
                .withDfsEnabled(false).withSigningRequired(true).build());
    }

    static Session open(SMBClient client, SmbTarget target) throws IOException {
        return client.connect(target.host(), target.port())
                .authenticate(new AuthenticationContext(target.username(), target.password(), target.domain()));
    }

    static <T> T withSession(SmbTarget target, SessionWork<T> work) throws IOException {
        try (SMBClient client = newClient()) {
            return work.apply(open(client, target));
        } catch (SMBApiException e) {
            throw new IOException(e.getStatus().name(), e);
        }
    }
}
