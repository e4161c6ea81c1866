package io.aclens.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Self-signed server certificates for test servers (LDAPS), made with the JDK's keytool, naming exactly the given hosts. */
public final class TestCertificates {
    public static final String PASSWORD = "Aclens-Test-Keys-1";

    private TestCertificates() {
    }

    /**
     * A PKCS#12 key store holding one key pair whose certificate names {@code subjectAlternativeNames} (e.g.
     * "dns:localhost", "ip:127.0.0.1"); it serves the server and, as a trust store, the client.
     */
    public static Path keyStore(Path dir, String commonName, String... subjectAlternativeNames) throws IOException, InterruptedException {
        Path keyStore = dir.resolve(commonName + ".p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + commonName, "-ext", "SAN=" + String.join(",", subjectAlternativeNames), "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return keyStore;
    }
}
