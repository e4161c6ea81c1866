package io.aclens.cli.ops;

import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.ClientView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The MSP's clients, registered with a running collector at runtime. */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Adds, lists and removes clients (a running collector; role msp-admin).",
        subcommands = {ClientCommand.Add.class, ClientCommand.ListClients.class, ClientCommand.Remove.class})
public final class ClientCommand {
    private ClientCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Registers a client.", "  ./aclens client add acme --name 'Acme Ltd'"})
    public static final class Add implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();

        @Parameters(index = "0", description = "Client id: letters, digits, '.', '_' or '-' (it names the client in every key and URL).")
        String clientId;

        @Option(names = "--name", description = "The company's name as people say it (default: the id).")
        String displayName;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                ClientView client = api.post("/api/v1/clients", new ClientRegistration(clientId, displayName), ClientView.class);
                System.out.println("Client " + client.clientId() + " (" + client.displayName() + ") registered");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the clients with their sources and directories.")
    public static final class ListClients implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                ClientView[] clients = api.get("/api/v1/clients", ClientView[].class);
                System.out.printf("%-20s %-30s %-14s %8s %12s%n", "CLIENT", "NAME", "ORIGIN", "SOURCES", "DIRECTORIES");
                for (ClientView client : clients) {
                    System.out.printf("%-20s %-30s %-14s %8d %12d%n", client.clientId(), client.displayName(), client.origin(), client.sources(),
                            client.directories());
                }
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a client's registration with its sources, directories and schedules (its snapshots and reports stay).")
    public static final class Remove implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();

        @Parameters(index = "0", description = "Client id.")
        String clientId;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                api.delete("/api/v1/clients/" + AclensApi.segment(clientId));
                System.out.println("Client " + clientId + " removed");
            });
        }
    }
}
