package io.aclens.collector.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
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

    private static LDAPConnection connect(String name, CollectorConfig.DirectorySource source) throws LDAPException {
        LDAPURL url = new LDAPURL(source.url().orElseThrow());
        LDAPConnection connection;
        if (url.getScheme().equalsIgnoreCase("ldaps")) {
            try {
                X509TrustManager trust = source.trustStore().<X509TrustManager>map(store -> new TrustStoreTrustManager(store,
                        source.trustStorePassword().map(String::toCharArray).orElse(null), source.trustStoreType(), true))
                        .orElseGet(JVMDefaultTrustManager::getInstance);
                connection = new LDAPConnection(new SSLUtil(trust).createSSLSocketFactory(), url.getHost(), url.getPort());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot set up LDAPS for directory '" + name + "': " + e.getMessage(), e);
            }
        } else {
            connection = new LDAPConnection(url.getHost(), url.getPort());
        }
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
}
