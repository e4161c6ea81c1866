package io.aclens.collector.directory;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.config.Secrets;
import io.aclens.contracts.api.ConnectionTestResult;
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
     * What a sync would do up to its first entry, each step answered with a reason an operator can act on: the server
     * answers, its certificate is trusted and names the host, the bind succeeds, the base DN exists; or, for local
     * files, that they can be read.
     */
    static ConnectionTestResult test(String name, CollectorConfig.DirectorySource source) {
        String kind;
        try {
            kind = kindOf(name, source);
        } catch (ProblemException e) {
            return ConnectionTestResult.failed("settings", e.getMessage());
        }
        if (kind.equals(LOCAL)) {
            try {
                int entries = LocalDirectory.read(Path.of(source.passwdFile()), Path.of(source.groupFile()), source.minUid()).size();
                return ConnectionTestResult.passed("Read " + entries + " accounts and groups from " + source.passwdFile() + " and " + source.groupFile());
            } catch (IOException | RuntimeException e) {
                return ConnectionTestResult.failed("files", "Cannot read " + source.passwdFile() + " and " + source.groupFile() + ": " + e.getMessage());
            }
        }
        String url = source.url().orElseThrow();
        try (LDAPConnection connection = connect(name, source)) {
            SearchResultEntry base = connection.getEntry(source.baseDn().orElseThrow(), "1.1");
            if (base == null) {
                return ConnectionTestResult.failed("base-dn", "The directory at " + url + " has no entry " + source.baseDn().get());
            }
            return ConnectionTestResult.passed("Connected to " + url + " over " + (connection.getSSLSession() == null ? "plain LDAP" : "TLS")
                    + (source.bindDn().isPresent() ? ", bound as " + source.bindDn().get() : "") + " and found " + source.baseDn().get());
        } catch (LDAPException e) {
            return failure(url, source, e);
        } catch (ProblemException | IllegalStateException e) {
            return ConnectionTestResult.failed("settings", e.getMessage());
        }
    }

    private static ConnectionTestResult failure(String url, CollectorConfig.DirectorySource source, LDAPException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLException || cause instanceof java.security.cert.CertificateException) {
                return ConnectionTestResult.failed("tls", "The certificate of " + url + " is not trusted (" + cause.getMessage()
                        + "): give the directory a trustStore holding its CA");
            }
        }
        String message = e.getMessage() == null ? e.getResultCode().getName() : e.getMessage();
        if (message.contains("does not name the host") || message.contains("StartTLS") || message.contains("no certificate")) {
            return ConnectionTestResult.failed("tls", message);
        }
        if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
            return ConnectionTestResult.failed("credentials", "The directory refused the bind as " + source.bindDn().orElse("(anonymous)")
                    + ": the bind DN or password is wrong");
        }
        if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
            return ConnectionTestResult.failed("base-dn", "The directory at " + url + " has no entry " + source.baseDn().orElse(""));
        }
        if (e.getResultCode() == ResultCode.CONNECT_ERROR || e.getResultCode() == ResultCode.SERVER_DOWN || e.getResultCode() == ResultCode.TIMEOUT) {
            return ConnectionTestResult.failed("host", "Cannot reach " + url + ": " + message);
        }
        return ConnectionTestResult.failed("directory", "The directory at " + url + " answered " + e.getResultCode().getName() + ": " + message);
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
        SSLUtil tls = new SSLUtil(source.trustStore().map(store -> trustManager(store, source)).orElseGet(JVMDefaultTrustManager::getInstance));
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

    /** A CA certificate file in PEM ({@code .pem}, {@code .crt}, {@code .cer}), or a trust store (PKCS12 or JKS). */
    private static X509TrustManager trustManager(String store, CollectorConfig.DirectorySource source) {
        if (store.matches("(?i).*\\.(pem|crt|cer)$")) {
            try {
                return new com.unboundid.util.ssl.PEMFileTrustManager(new java.io.File(store));
            } catch (java.security.KeyStoreException e) {
                throw new IllegalStateException("Cannot read the CA certificates in " + store + ": " + e.getMessage(), e);
            }
        }
        return new TrustStoreTrustManager(store, source.trustStorePassword().map(String::toCharArray).orElse(null), source.trustStoreType(), true);
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
