package io.aclens.collector;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import io.aclens.embedded.TestCertificates;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Two real LDAP servers (UnboundID in-memory) that a directory must not be read from as configured: one speaks plain
 * LDAP only (no StartTLS), one serves LDAPS with a trusted certificate issued to another host name. Registered as
 * directories "cleartext" (refused), "cleartext-allowed" (read, with allow-plaintext) and "wrong-host" (refused).
 */
public class LdapResource implements QuarkusTestResourceLifecycleManager {
    private static final String BASE = "DC=corp,DC=local";
    private InMemoryDirectoryServer plain;
    private InMemoryDirectoryServer tls;

    @Override
    public Map<String, String> start() {
        try {
            Path keyStore = TestCertificates.keyStore(Files.createTempDirectory("aclens-ldap-"), "other.example", "dns:other.example");
            plain = server(InMemoryListenerConfig.createLDAPConfig("plain", InetAddress.getLoopbackAddress(), 0, null));
            SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), TestCertificates.PASSWORD.toCharArray(), "PKCS12", null), null);
            tls = server(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                    serverTls.createSSLServerSocketFactory(), null));
            String plainUrl = "ldap://127.0.0.1:" + plain.getListenPort();
            Map<String, String> config = new java.util.HashMap<>();
            config.putAll(directory("cleartext", plainUrl));
            config.putAll(directory("cleartext-allowed", plainUrl));
            config.put("aclens.collector.directories.cleartext-allowed.allow-plaintext", "true");
            config.putAll(directory("wrong-host", "ldaps://127.0.0.1:" + tls.getListenPort()));
            config.put("aclens.collector.directories.wrong-host.trust-store", keyStore.toString());
            config.put("aclens.collector.directories.wrong-host.trust-store-password", TestCertificates.PASSWORD);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test LDAP servers", e);
        }
    }

    private static Map<String, String> directory(String name, String url) {
        String prefix = "aclens.collector.directories." + name + ".";
        return Map.of(prefix + "client-id", "ldap-client", prefix + "kind", "ldap", prefix + "url", url, prefix + "base-dn", BASE);
    }

    private static InMemoryDirectoryServer server(InMemoryListenerConfig listener) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        config.setListenerConfigs(List.of(listener));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "corp")));
        server.add(new Entry("uid=anna," + BASE, new Attribute("objectClass", "top", "inetOrgPerson", "posixAccount"),
                new Attribute("uid", "anna"), new Attribute("cn", "Anna Ivanova"), new Attribute("uidNumber", "5001"),
                new Attribute("gidNumber", "5001")));
        server.startListening();
        return server;
    }

    @Override
    public void stop() {
        if (plain != null) {
            plain.shutDown(true);
        }
        if (tls != null) {
            tls.shutDown(true);
        }
    }
}
