package io.aclens.cli.ops;

import io.aclens.auth.Roles;
import io.aclens.contracts.api.ConsoleInvitationRequest;
import io.aclens.contracts.api.ConsoleInvitationView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The web console's accounts: the first administrator is invited from here, the others from the console's Accounts page too. */
@Command(name = "console", mixinStandardHelpOptions = true, description = "The web console's accounts (role msp-admin).",
        subcommands = {ConsoleCommand.Invite.class})
public final class ConsoleCommand {
    private ConsoleCommand() {
    }

    @Command(name = "invite", mixinStandardHelpOptions = true, description = {
            "Invites someone to the web console and prints the link where they choose their password (valid 7 days).",
            "  ./aclens console invite --email anna@msp.example --role msp-admin",
            "  ./aclens console invite --email director@acme.example --client acme --language ru"})
    public static final class Invite implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();

        @Option(names = "--console-url", defaultValue = "${env:ACLENS_CONSOLE_URL:-http://127.0.0.1:8085}",
                description = "The web console (default: ${DEFAULT-VALUE}, or ACLENS_CONSOLE_URL).")
        String consoleUrl;

        @Option(names = "--email", required = true, description = "Their e-mail address: the name they sign in with.")
        String email;

        @Option(names = "--name", description = "Their full name as the console shows it (default: the address).")
        String name;

        @Option(names = "--role", defaultValue = Roles.CLIENT_VIEWER,
                description = "client-viewer (one client's manager or auditor), msp-operator or msp-admin (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--client", description = "A client a client viewer sees (repeat for several).")
        List<String> clients = List.of();

        @Option(names = "--language", defaultValue = "en", description = "en or ru (default: ${DEFAULT-VALUE}); they can switch later.")
        String language;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                ConsoleInvitationView invitation = api.post(consoleUrl, "/console/api/invitations",
                        new ConsoleInvitationRequest(email, name, role, clients, language), ConsoleInvitationView.class);
                System.out.println("Invited " + invitation.email() + " as " + invitation.role()
                        + (invitation.clients().isEmpty() ? "" : " of " + String.join(", ", invitation.clients())) + "; send them this link (until "
                        + invitation.expiresAt() + "):");
                System.out.println(invitation.link());
            });
        }
    }
}
