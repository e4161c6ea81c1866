package io.aclens.cli.ops;

import io.aclens.contracts.api.DeliveryReadApi;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.DeliveryWriteApi;
import io.aclens.contracts.api.SubscriptionRequest;
import io.aclens.contracts.api.SubscriptionView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who receives each client's package, and the delivery log (the report service, through the API). */
@Command(name = "subscription", mixinStandardHelpOptions = true,
        description = "Adds, lists and removes who receives a client's package; sends one now (role msp-operator).",
        subcommands = {SubscriptionCommand.Add.class, SubscriptionCommand.ListSubscriptions.class, SubscriptionCommand.Remove.class,
                SubscriptionCommand.Send.class})
public final class SubscriptionCommand {
    private SubscriptionCommand() {
    }

    static String path(String clientId) {
        return "/api/v1/clients/" + AclensApi.segment(clientId);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Creates or replaces a subscription.",
            "  ./aclens subscription add --client acme --name management --to director@acme.example --language ru",
            "  ./aclens subscription add --client acme --name it-weekly --to it@acme.example --weekly --language en --only-changes \\",
            "      --contents CHANGES,FINDINGS --path '\\\\fs1\\data\\IT'"})
    public static final class Add implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;
        @Option(names = "--name", required = true, description = "The subscription's name, e.g. management.")
        String name;
        @Option(names = "--to", required = true, split = ",", description = "Recipients (comma-separated).")
        List<String> to;
        @Option(names = "--cc", split = ",", description = "Copy recipients (comma-separated).")
        List<String> cc = List.of();
        @Option(names = "--language", defaultValue = "ru", description = "ru or en (default: ${DEFAULT-VALUE}).")
        String language;
        @Option(names = "--time-zone", defaultValue = "Europe/Moscow", description = "The recipients' time zone (default: ${DEFAULT-VALUE}).")
        String timeZone;
        @Option(names = "--weekly", description = "The ISO week before each firing instead of the calendar month.")
        boolean weekly;
        @Option(names = "--cron", description = "Quartz cron in the time zone (default: the 1st at 08:00, or Monday at 08:00 with --weekly).")
        String cron;
        @Option(names = "--only-changes", description = "Skip the package when nothing changed.")
        boolean onlyChanges;
        @Option(names = "--source", description = "Only this source (repeat for more; default: every source of the client).")
        List<String> sources = List.of();
        @Option(names = "--path", description = "Only folders under this one (repeat for more; default: every folder).")
        List<String> paths = List.of();
        @Option(names = "--department", description = "Only the folders this department's people can reach, and only them as columns "
                + "(the directory's department attribute; repeat for more).")
        List<String> departments = List.of();
        @Option(names = "--contents", split = ",", description = "Parts: MATRIX_BY_PERSON, MATRIX_BY_GROUP, CHANGES, FINDINGS (default: all).")
        List<String> contents = List.of();

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                SubscriptionView saved = api.typed(DeliveryWriteApi.class).saveSubscription(clientId, name, new SubscriptionRequest(to, cc,
                        language, timeZone, weekly ? "WEEKLY" : "MONTHLY", cron, !onlyChanges, sources, paths, departments, contents))
                        .await().indefinitely();
                System.out.println("Subscription " + saved.name() + " of " + saved.clientId() + ": " + String.join(", ", saved.to())
                        + " (" + saved.language() + "), next package " + saved.nextDeliveryAt() + " (" + saved.cron() + " " + saved.timeZone() + ")");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a client's subscriptions and its latest deliveries.")
    public static final class ListSubscriptions implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                System.out.printf("%-16s %-4s %-8s %-26s %s%n", "NAME", "LANG", "CADENCE", "NEXT", "TO");
                DeliveryReadApi deliveries = api.typed(DeliveryReadApi.class);
                for (SubscriptionView s : deliveries.subscriptions(clientId).await().indefinitely()) {
                    System.out.printf("%-16s %-4s %-8s %-26s %s%n", s.name(), s.language(), s.cadence(), s.nextDeliveryAt(), String.join(", ", s.to()));
                }
                System.out.println();
                System.out.printf("%-6s %-16s %-28s %-9s %-3s %-22s %s%n", "ID", "SUBSCRIPTION", "PERIOD", "STATE", "TRY", "SENT", "LAST ERROR");
                for (DeliveryView d : deliveries.deliveries(clientId, 20).await().indefinitely()) {
                    System.out.printf("%-6d %-16s %-28s %-9s %-3d %-22s %s%n", d.deliveryId(), d.subscription(), d.period(), d.state(), d.attempts(),
                            d.sentAt() == null ? "-" : d.sentAt().toString(), d.lastError() == null ? "" : d.lastError());
                }
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a subscription and its delivery log.")
    public static final class Remove implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;
        @Option(names = "--name", required = true, description = "The subscription's name.")
        String name;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                api.typed(DeliveryWriteApi.class).deleteSubscription(clientId, name).await().indefinitely();
                System.out.println("Subscription " + name + " of " + clientId + " removed");
            });
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = {"Sends a package now (the changes since the previous one), "
            + "or sends a delivery again.", "  ./aclens subscription send --client acme --name management",
            "  ./aclens subscription send --client acme --again 42"})
    public static final class Send implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;
        @Option(names = "--name", description = "The subscription to send now.")
        String name;
        @Option(names = "--again", description = "A delivery's id (subscription list) to send again.")
        Long again;

        @Override
        public Integer call() {
            if ((name == null) == (again == null)) {
                System.err.println("Give --name (send now) or --again <delivery id> (send again)");
                return 2;
            }
            return Outcome.of(() -> {
                DeliveryWriteApi deliveries = api.typed(DeliveryWriteApi.class);
                DeliveryView queued = (again != null ? deliveries.resend(clientId, again) : deliveries.runNow(clientId, name)).await().indefinitely();
                System.out.println("Delivery " + queued.deliveryId() + " (" + queued.period() + ") queued; ./aclens subscription list --client "
                        + clientId + " shows when it is sent");
            });
        }
    }
}
