package io.aclens.console;

import io.aclens.embedded.EmbeddedKeycloak;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The MSP's identity provider for the console's single sign-on: a real Keycloak (its own distribution, unpacked by the
 * build) with a realm the console is a confidential client of, and a few of the MSP's people.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    static final String PASSWORD = "keycloak-password-1";
    /** An MSP operator with a console account. */
    static final EmbeddedKeycloak.User OLGA = user("olga", "olga@msp.example", "Olga", "Smirnova");
    /** Known to the identity provider, never invited to the console. */
    static final EmbeddedKeycloak.User IVAN = user("ivan", "ivan@msp.example", "Ivan", "Petrov");
    /** Holds a client viewer's account, which signs in with its password only. */
    static final EmbeddedKeycloak.User VERA = user("vera", "vera@acme.example", "Vera", "Orlova");
    /** Holds an MSP administrator's account that was disabled. */
    static final EmbeddedKeycloak.User PAVEL = user("pavel", "pavel@msp.example", "Pavel", "Sokolov");

    private EmbeddedKeycloak keycloak;

    private static EmbeddedKeycloak.User user(String username, String email, String first, String last) {
        return new EmbeddedKeycloak.User(username, email, first, last, PASSWORD);
    }

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("aclens.keycloak.home", "target/keycloak"));
        keycloak = EmbeddedKeycloak.start(home, 0, new EmbeddedKeycloak.Realm("msp", "aclens-console", "console-client-secret-0123456789abcdef",
                "http://localhost", List.of(OLGA, IVAN, VERA, PAVEL)));
        return Map.of("aclens.console.sso.enabled", "true", "aclens.console.sso.issuer", keycloak.issuer(),
                "aclens.console.sso.client-id", keycloak.realm().clientId(), "aclens.console.sso.client-secret", keycloak.realm().clientSecret(),
                "aclens.console.sso.provider-name", "Keycloak");
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
