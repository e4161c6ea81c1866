package io.aclens.cli.ops;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.RevokedTokens;
import io.aclens.auth.TokenLedger;
import io.aclens.cli.Aclens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issues a bearer token signed with the MSP's private key; the services verify it with the public key alone.
 * The token goes to standard output (so {@code TOKEN=$(./aclens token create …)} works), its id and expiry to stderr.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issues, lists and revokes access tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Issues a token for a role and, for client-bound roles, its client(s).",
                    "  ./aclens token create --role client-viewer --client acme --expires 90d",
                    "  ./aclens token create --role agent --client acme --name fs1.acme.local",
                    "  ./aclens token create --role msp-operator --expires 12h"})
    public static final class Create implements Callable<Integer> {
        @Option(names = "--role", required = true,
                description = "msp-admin, msp-operator, client-viewer, integration, agent, service or ops.")
        String role;

        @Option(names = "--client", split = ",", description = "The client(s) the token may see (client-viewer, integration, agent).")
        List<String> clients = List.of();

        @Option(names = "--expires", defaultValue = "90d", description = "Lifetime: 90d, 12h, 30m (default: ${DEFAULT-VALUE}).")
        String expires;

        @Option(names = "--name", description = "Who holds it (a person, an agent's host); the role when absent.")
        String name;

        @picocli.CommandLine.Mixin
        KeyOption key = new KeyOption();

        @Override
        public Integer call() throws Exception {
            Path signingKey = key.path();
            if (!Files.isReadable(signingKey)) {
                System.err.println("No private key at " + signingKey + ": set ACLENS_AUTH_PRIVATE_KEY or --key (./aclens demo makes one)");
                return 2;
            }
            AccessTokens.Issued issued;
            try {
                issued = AccessTokens.signingWith(signingKey).issue(new AccessTokens.Request(name == null ? role : name, role, clients,
                        lifetime(expires)));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            new TokenLedger(key.ledger()).record(new TokenLedger.Entry(issued.tokenId(), name == null ? role : name, role, clients,
                    java.time.Instant.now(), issued.expiresAt()));
            System.err.println("token " + issued.tokenId() + ": " + role + (clients.isEmpty() ? "" : " for " + String.join(", ", clients))
                    + ", expires " + issued.expiresAt());
            System.out.println(issued.token());
            return 0;
        }

        static Duration lifetime(String text) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            try {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return switch (value.charAt(value.length() - 1)) {
                    case 'd' -> Duration.ofDays(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    default -> Duration.parse(text);
                };
            } catch (NumberFormatException | StringIndexOutOfBoundsException | DateTimeParseException e) {
                throw new IllegalArgumentException("--expires takes 90d, 12h or 30m, not '" + text + "'");
            }
        }
    }

    /** Where the MSP's private key is; the ledger of issued tokens and the revocation list live beside it. */
    static final class KeyOption {
        @Option(names = "--key", defaultValue = "${env:ACLENS_AUTH_PRIVATE_KEY}",
                description = "The MSP's private key (PKCS#8 PEM; default: ACLENS_AUTH_PRIVATE_KEY, else the demo's ./.aclens/auth/"
                        + AccessTokens.PRIVATE_KEY_FILE + ").")
        Path key;

        Path path() {
            return key != null ? key : Aclens.home().resolve(".aclens/auth").resolve(AccessTokens.PRIVATE_KEY_FILE);
        }

        Path ledger() {
            return path().toAbsolutePath().resolveSibling(TokenLedger.FILE);
        }

        Path revoked() {
            return path().toAbsolutePath().resolveSibling(RevokedTokens.FILE);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tokens issued with the key: id, holder, role, "
            + "clients, expiry and whether revoked.")
    public static final class ListTokens implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        KeyOption key = new KeyOption();

        @Override
        public Integer call() throws Exception {
            RevokedTokens revoked = new RevokedTokens(key.revoked());
            java.time.Instant now = java.time.Instant.now();
            List<TokenLedger.Entry> entries = new TokenLedger(key.ledger()).entries();
            for (TokenLedger.Entry entry : entries) {
                String state = revoked.isRevoked(entry.tokenId()) ? "revoked" : entry.expiresAt().isBefore(now) ? "expired" : "active";
                System.out.println(entry.tokenId() + "  " + state + "  " + entry.role() + "  " + entry.name()
                        + (entry.clients().isEmpty() ? "" : "  clients " + String.join(",", entry.clients())) + "  expires " + entry.expiresAt());
            }
            System.out.println(entries.size() + " token" + (entries.size() == 1 ? "" : "s") + " issued with " + key.path());
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = {"Revokes a token by id: the services refuse it from "
            + "then on. They read the revocation list beside the key (aclens.auth.revoked-tokens; mount it with the public key).",
            "  ./aclens token revoke 9537a0a0-940f-4329-a26b-41c2eb72a012 --reason 'laptop lost'"})
    public static final class Revoke implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", description = "The token's id (./aclens token list).")
        String tokenId;

        @Option(names = "--reason", description = "Why, kept beside the id.")
        String reason;

        @picocli.CommandLine.Mixin
        KeyOption key = new KeyOption();

        @Override
        public Integer call() throws Exception {
            new RevokedTokens(key.revoked()).revoke(tokenId, reason == null ? null : "# " + reason);
            System.out.println("revoked " + tokenId + " (" + key.revoked() + ")");
            return 0;
        }
    }

    private TokenCommand() {
    }
}
