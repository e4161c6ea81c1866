package io.aclens.cli.demo;

import io.aclens.cli.stack.StackConfig;
import io.aclens.embedded.EmbeddedKeycloak;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo's stand-in for the MSP's own identity provider: a Keycloak (fetched once from Maven into the data folder) that
 * knows the demo's MSP administrator, with the console registered as its client, so the console's single sign-on can be
 * tried: "Sign in with Keycloak" on the sign-in page.
 */
final class DemoIdentityProvider implements AutoCloseable {
    static final int PORT = 18180;
    static final String USERNAME = "msp-admin";
    static final String PASSWORD = "demo-sso-2026";
    private static final String CLIENT_SECRET = "demo-console-client-secret-2026-0123456789";

    private final EmbeddedKeycloak keycloak;

    private DemoIdentityProvider(EmbeddedKeycloak keycloak) {
        this.keycloak = keycloak;
    }

    static DemoIdentityProvider start(Path home, StackConfig stack) {
        Path distribution = EmbeddedKeycloak.distribution(home, stack.dataDir().resolve("keycloak"));
        EmbeddedKeycloak.User admin = new EmbeddedKeycloak.User(USERNAME, Demo.DEMO_ADMIN, "MSP", "Administrator", PASSWORD);
        return new DemoIdentityProvider(EmbeddedKeycloak.start(distribution, PORT, new EmbeddedKeycloak.Realm("msp", "aclens-console",
                CLIENT_SECRET, "http://127.0.0.1:" + stack.consolePort() + "/", List.of(admin))));
    }

    /** The console's settings for single sign-on through this provider. */
    Map<String, String> consoleProperties() {
        return Map.of("aclens.console.sso.enabled", "true", "aclens.console.sso.issuer", keycloak.issuer(),
                "aclens.console.sso.client-id", keycloak.realm().clientId(), "aclens.console.sso.client-secret", CLIENT_SECRET,
                "aclens.console.sso.provider-name", "Keycloak");
    }

    String signInNote() {
        return "  single sign-on for MSP staff: \"Sign in with Keycloak\" (" + keycloak.issuer() + "), then " + USERNAME + " / " + PASSWORD
                + " (the administrator above, as the MSP's identity provider knows them)";
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
