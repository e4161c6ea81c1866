package io.aclens.cli.ops;

import io.aclens.contracts.api.AlertChannelRequest;
import io.aclens.contracts.api.AlertChannelView;
import io.aclens.contracts.api.AlertView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a client's immediate alerts go (e-mail, a signed webhook for a PSA or ticketing system), and the alert log. */
@Command(name = "alert", mixinStandardHelpOptions = true, description = "Adds, lists and removes where a client's immediate alerts go (role msp-operator).",
        subcommands = {AlertCommand.Add.class, AlertCommand.ListAlerts.class, AlertCommand.Remove.class})
public final class AlertCommand {
    private AlertCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Creates or replaces an alert channel.",
            "  ./aclens alert add --client acme --name psa --webhook https://psa.msp.example/hooks/aclens --sensitive '\\\\fs1\\data\\Finance'",
            "  ./aclens alert add --client acme --name it --email it@acme.example"})
    public static final class Add implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;
        @Option(names = "--name", required = true, description = "The channel's name, e.g. psa.")
        String name;
        @Option(names = "--webhook", description = "The URL to POST each alert to (JSON, signed: X-ACLens-Signature-256).")
        String webhook;
        @Option(names = "--email", split = ",", description = "Addresses to mail each alert to (comma-separated).")
        List<String> email;
        @Option(names = "--sensitive", description = "A folder where anyone gaining Modify or Full control is alerted (repeat for more).")
        List<String> sensitive = List.of();

        @Override
        public Integer call() {
            if ((webhook == null) == (email == null)) {
                System.err.println("Give --webhook <url> or --email <addresses>");
                return 2;
            }
            return Outcome.of(() -> {
                AlertChannelView saved = api.put(SubscriptionCommand.path(clientId) + "/alert-channels/" + AclensApi.segment(name),
                        new AlertChannelRequest(webhook != null ? "WEBHOOK" : "EMAIL", webhook != null ? webhook : String.join(",", email), null,
                                sensitive), AlertChannelView.class);
                System.out.println("Alert channel " + saved.name() + " of " + saved.clientId() + ": " + saved.kind() + " " + saved.target());
                if (saved.secret() != null) {
                    System.out.println("Signing key (shown once; the receiver checks X-ACLens-Signature-256 = sha256=HMAC-SHA256(key, body)):");
                    System.out.println("  " + saved.secret());
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a client's alert channels and its latest alerts.")
    public static final class ListAlerts implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                for (AlertChannelView c : api.get(SubscriptionCommand.path(clientId) + "/alert-channels", AlertChannelView[].class)) {
                    System.out.println(c.name() + "  " + c.kind() + "  " + c.target() + (c.sensitivePaths().isEmpty() ? ""
                            : "  sensitive: " + String.join(", ", c.sensitivePaths())));
                }
                System.out.println();
                System.out.printf("%-6s %-10s %-9s %-3s %-22s %s%n", "ID", "CHANNEL", "STATE", "TRY", "CREATED", "SUBJECT / LAST ERROR");
                for (AlertView a : api.get(SubscriptionCommand.path(clientId) + "/alerts?limit=20", AlertView[].class)) {
                    System.out.printf("%-6d %-10s %-9s %-3d %-22s %s%s%n", a.alertId(), a.channel(), a.state(), a.attempts(), a.createdAt(), a.subject(),
                            a.lastError() == null ? "" : "  (" + a.lastError() + ")");
                }
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an alert channel and its alert log.")
    public static final class Remove implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;
        @Option(names = "--name", required = true, description = "The channel's name.")
        String name;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                api.delete(SubscriptionCommand.path(clientId) + "/alert-channels/" + AclensApi.segment(name));
                System.out.println("Alert channel " + name + " of " + clientId + " removed");
            });
        }
    }
}
