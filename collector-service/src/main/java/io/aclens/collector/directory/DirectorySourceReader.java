package io.aclens.collector.directory;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.config.Secrets;
import io.aclens.directory.ActiveDirectoryReader;
import io.aclens.directory.LdapDirectoryReader;
import io.aclens.posix.LocalDirectory;
import io.aclens.support.rest.ProblemException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/** Reads one configured directory: Active Directory or plain LDAP over LDAP/LDAPS, or local passwd/group files. */
final class DirectorySourceReader {
    static final String ACTIVE_DIRECTORY = "active-directory";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DirectorySourceReader.class);
    static final String LDAP = "ldap";
    static final String LOCAL = "local";

    private DirectorySourceReader() {
    }

    static String kindOf(String name, CollectorConfig.DirectorySource source) {
        String kind = source.kind().toLowerCase(Locale.ROOT);
        if (!List.of(ACTIVE_DIRECTORY, LDAP, LOCAL).contains(kind)) {
            throw new ProblemException(500, "Misconfigured Directory", "Directory '" + name + "' has kind '" + source.kind()
                    + "'; use active-directory, ldap or local");
        }
        if (!kind.equals(LOCAL) && (source.url().isEmpty() || source.baseDn().isEmpty())) {
            throw new ProblemException(500, "Misconfigured Directory", "Directory '" + name + "' needs url and base-dn");
        }
        return kind;
    }

    static List<DirectoryEntry> read(String name, CollectorConfig.DirectorySource source) throws LDAPException, IOException {
        String kind = kindOf(name, source);
        if (kind.equals(LOCAL)) {
            return LocalDirectory.read(Path.of(source.passwdFile()), Path.of(source.groupFile()), source.minUid());
        }
        try (LDAPConnection connection = connect(name, source)) {
            return kind.equals(ACTIVE_DIRECTORY)
                    ? new ActiveDirectoryReader(connection, source.baseDn().orElseThrow(), source.pageSize()).read().entries()
                    : new LdapDirectoryReader(connection, source.baseDn().orElseThrow(), source.pageSize()).read();
        }
    }

    /**
     * Connects over TLS whatever the URL says: ldaps:// directly, ldap:// upgraded with StartTLS, in both cases with the
     * server's certificate checked against the trust store and its host name (UnboundID checks neither by itself, and its
     * HostNameSSLSocketVerifier lets a loopback address through whatever the certificate names), before any bind.
     * Plain ldap:// only with {@code allow-plaintext=true}, which logs a warning on every sync.
     */
    private static LDAPConnection connect(String name, CollectorConfig.DirectorySource source) throws LDAPException {
        LDAPURL url = new LDAPURL(source.url().orElseThrow());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        SSLUtil tls = new SSLUtil(source.trustStore().<X509TrustManager>map(store -> new TrustStoreTrustManager(store,
                source.trustStorePassword().map(String::toCharArray).orElse(null), source.trustStoreType(), true))
                .orElseGet(JVMDefaultTrustManager::getInstance));
        LDAPConnection connection;
        try {
            if (url.getScheme().equalsIgnoreCase("ldaps")) {
                connection = new LDAPConnection(tls.createSSLSocketFactory(), options, url.getHost(), url.getPort());
            } else if (source.allowPlaintext()) {
                LOG.warnf("Directory '%s' is read over plain LDAP (allow-plaintext=true): its bind password and entries cross the "
                        + "network unencrypted", name);
                connection = new LDAPConnection(options, url.getHost(), url.getPort());
            } else {
                connection = new LDAPConnection(options, url.getHost(), url.getPort());
                try {
                    ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls.createSSLContext()));
                    if (started.getResultCode() != ResultCode.SUCCESS) {
                        throw new LDAPException(started.getResultCode(), started.getDiagnosticMessage());
                    }
                } catch (LDAPException e) {
                    connection.close();
                    throw new LDAPException(e.getResultCode(), "the server refused StartTLS (" + e.getMessage()
                            + "); use ldaps://, or allow-plaintext=true to read it unencrypted", e);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for directory '" + name + "': " + e.getMessage(), e);
        }
        requireCertificateNamesHost(connection, url.getHost());
        if (source.bindDn().isPresent()) {
            char[] password = Secrets.password("directory '" + name + "'", source.passwordFile(), source.password());
            try {
                connection.bind(source.bindDn().get(), new String(password));
            } catch (LDAPException e) {
                connection.close();
                throw e;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return connection;
    }

    /** The certificate the server presented must name the host: else the connection ends before the bind password is sent. */
    private static void requireCertificateNamesHost(LDAPConnection connection, String host) throws LDAPException {
        javax.net.ssl.SSLSession session = connection.getSSLSession();
        if (session == null) {
            return; // plain LDAP, allowed explicitly
        }
        try {
            java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) session.getPeerCertificates()[0];
            if (!CertificateHost.names(certificate, host)) {
                connection.close();
                throw new LDAPException(ResultCode.CONNECT_ERROR, "the server's certificate (" + certificate.getSubjectX500Principal().getName()
                        + ") does not name the host " + host + " the directory is configured with");
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            connection.close();
            throw new LDAPException(ResultCode.CONNECT_ERROR, "the server presented no certificate", e);
        }
    }
}
