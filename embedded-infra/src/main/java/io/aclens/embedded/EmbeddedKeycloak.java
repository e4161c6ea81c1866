package io.aclens.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real OpenID provider: Keycloak's own distribution (Maven's {@code org.keycloak:keycloak-quarkus-dist} zip, unpacked)
 * run as a child process in development mode on an in-memory database, with one realm imported at start. It stands for
 * the MSP's identity provider (Entra ID, Google, Keycloak…) where the console's single sign-on is tested or shown.
 */
public final class EmbeddedKeycloak implements AutoCloseable {
    /** The distribution's version (the build's {@code keycloak.version}). */
    public static final String VERSION = version();
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /** Someone the identity provider knows, with the password they type on its sign-in page. */
    public record User(String username, String email, String firstName, String lastName, String password) {
    }

    /** One realm with one confidential client that may redirect anywhere on {@code redirectBase}. */
    public record Realm(String name, String clientId, String clientSecret, String redirectBase, List<User> users) {
    }

    private final Process process;
    private final int port;
    private final Realm realm;
    private final Path log;

    private EmbeddedKeycloak(Process process, int port, Realm realm, Path log) {
        this.process = process;
        this.port = port;
        this.realm = realm;
        this.log = log;
    }

    /**
     * @param home the unpacked distribution (its {@code data} folder is rewritten: the realm to import, Keycloak's own files)
     * @param port 0 for a free port
     */
    public static EmbeddedKeycloak start(Path home, int port, Realm realm) {
        Path launcher = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("No Keycloak distribution in " + home + " (bin/kc.sh is missing or not executable)");
        }
        int httpPort = port == 0 ? FreePorts.next() : port;
        Path log = home.resolve("data/keycloak.log");
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            try (var old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            new ObjectMapper().writeValue(imports.resolve(realm.name() + ".json").toFile(), representation(realm));
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "start-dev", "--db=dev-mem", "--import-realm",
                    "--http-port=" + httpPort, "--http-host=127.0.0.1", "--hostname-strict=false", "--health-enabled=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            EmbeddedKeycloak keycloak = new EmbeddedKeycloak(builder.start(), httpPort, realm, log);
            // a child process must not outlive the JVM that started it, even when that one ends by a signal (Ctrl-C)
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
            keycloak.awaitDiscovery();
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    private static String version() {
        try (var in = EmbeddedKeycloak.class.getResourceAsStream("keycloak.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The unpacked distribution under {@code parent}, fetched once from Maven with the checkout's wrapper (about 165 MB).
     *
     * @param home the ACLens checkout (its {@code mvnw})
     */
    public static Path distribution(Path home, Path parent) {
        Path distribution = parent.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(distribution.resolve("bin/kc.sh"))) {
            return distribution;
        }
        try {
            Files.createDirectories(parent);
            Process fetch = new ProcessBuilder(home.resolve("mvnw").toString(), "-q", "-B", "-N", "dependency:unpack",
                    "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip", "-DoutputDirectory=" + parent.toAbsolutePath())
                    .directory(home.toFile()).inheritIO().start();
            if (fetch.waitFor() != 0 || !Files.isExecutable(distribution.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("Could not fetch Keycloak " + VERSION + " from Maven into " + parent);
            }
            return distribution;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fetch Keycloak " + VERSION, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching Keycloak", e);
        }
    }

    private static Map<String, Object> representation(Realm realm) {
        List<Map<String, Object>> users = realm.users().stream().map(user -> Map.<String, Object>of(
                "username", user.username(), "email", user.email(), "emailVerified", true, "enabled", true,
                "firstName", user.firstName(), "lastName", user.lastName(),
                "credentials", List.of(Map.of("type", "password", "value", user.password(), "temporary", false)))).toList();
        Map<String, Object> client = Map.of("clientId", realm.clientId(), "enabled", true, "publicClient", false,
                "secret", realm.clientSecret(), "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                "redirectUris", List.of(realm.redirectBase() + "*"));
        return Map.of("realm", realm.name(), "enabled", true, "clients", List.of(client), "users", users);
    }

    private void awaitDiscovery() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; its log: " + log);
            }
            try {
                if (answers(http, discovery)) {
                    return;
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while Keycloak started", e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak did not answer within " + STARTUP + "; its log: " + log);
    }

    private static boolean answers(HttpClient http, HttpRequest discovery) throws InterruptedException {
        try {
            return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        }
    }

    /** The realm's issuer, which is also where its discovery document lies ({@code quarkus.oidc.auth-server-url}). */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + realm.name();
    }

    public Realm realm() {
        return realm;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception notStoppedInTime) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
