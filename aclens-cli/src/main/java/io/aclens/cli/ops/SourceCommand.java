package io.aclens.cli.ops;

import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.contracts.api.SourceView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A client's sources, registered with a running collector: tested before they are stored, scanned on their schedule. */
@Command(name = "source", mixinStandardHelpOptions = true,
        description = "Adds, lists, tests, scans and removes a client's sources (a running collector).",
        subcommands = {SourceCommand.Add.class, SourceCommand.ListSources.class, SourceCommand.Test.class, SourceCommand.Scan.class,
                SourceCommand.Remove.class})
public final class SourceCommand {
    private SourceCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Registers (or changes) a source once a connection test passed; the answer says what failed otherwise.",
            "  echo \"$PASSWORD\" | ./aclens source add --client acme --name fs1 --kind smb --host fs1.acme.local --share data \\",
            "      --domain ACME --user svc-aclens --password-stdin --cron '0 0 2 1 * ?'",
            "  ./aclens source add --client acme --name home --kind linux --root /srv/home --cron '0 30 2 * * ?'",
            "  ./aclens source add --client acme --name fs2 --kind agent --source-id fs2:data"})
    public static final class Add implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Mixin
        Registered.Name source = new Registered.Name();
        @Mixin
        RegisteredSecret secret = new RegisteredSecret();

        @Option(names = "--kind", required = true, description = "smb (a share, or a whole server without --share), linux, agent or icacls.")
        String kind;

        @Option(names = "--source-id", description = "The id its snapshots and reports carry (default: from the settings; required for agent and icacls).")
        String sourceId;

        @Option(names = "--cron", description = "Quartz cron, seconds first (e.g. '0 0 2 1 * ?': 02:00 on the 1st); none: scanned on demand only.")
        String cron;

        @Option(names = "--host", description = "smb: the server.")
        String host;
        @Option(names = "--port", description = "smb: default 445.")
        Integer port;
        @Option(names = "--share", description = "smb: the share; absent for every disk share of the server.")
        String share;
        @Option(names = "--include-administrative-shares", description = "smb, whole server: also C$, ADMIN$, ….")
        Boolean administrativeShares;
        @Option(names = "--path", description = "smb: a folder under the share to start from, with backslashes.")
        String path;
        @Option(names = "--domain", description = "smb: the account's domain.")
        String domain;
        @Option(names = "--user", description = "smb: the account (it needs READ_CONTROL on every folder; Backup Operators reads all).")
        String user;
        @Option(names = "--root", description = "linux: the folder tree on the collector's host.")
        String root;
        @Option(names = "--max-depth", description = "smb, linux: deepest folder level to read (the start folder is 0).")
        Integer maxDepth;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                SourceSettings settings = switch (kind) {
                    case SourceSettings.SMB -> new SourceSettings.Smb(kind, host, port, share, administrativeShares, path, domain, user,
                            secret.passwordFile, maxDepth, null, null);
                    case SourceSettings.LINUX -> new SourceSettings.LinuxTree(kind, root, maxDepth, null, null);
                    case SourceSettings.AGENT, SourceSettings.ICACLS -> new SourceSettings.Upload(kind);
                    default -> throw new AclensApi.ApiException(2, "--kind must be smb, linux, agent or icacls");
                };
                SourceView stored = api.put(source.path("sources"), new SourceRegistration(sourceId, cron, secret.password(), settings), SourceView.class);
                System.out.println("Source " + stored.clientId() + "/" + stored.name() + " registered as " + stored.sourceId()
                        + " (connection test passed)" + (stored.cron() == null ? "" : "; scanned on " + stored.cron()));
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a client's registered sources (never their passwords).")
    public static final class ListSources implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();

        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                SourceView[] sources = api.get("/api/v1/clients/" + AclensApi.segment(clientId) + "/sources", SourceView[].class);
                System.out.printf("%-16s %-7s %-40s %-18s %s%n", "NAME", "KIND", "SOURCE ID", "SCHEDULE", "PASSWORD");
                for (SourceView s : sources) {
                    System.out.printf("%-16s %-7s %-40s %-18s %s%n", s.name(), s.settings().kind(), s.sourceId(), s.cron() == null ? "-" : s.cron(),
                            s.passwordStored() ? "stored, encrypted" : "-");
                }
            });
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Tests a registered source's connection again.")
    public static final class Test extends Registered.Test {
        @Override
        String collection() {
            return "sources";
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, description = "Scans a registered source now.")
    public static final class Scan extends Registered.Subcommand {
        @Override
        String collection() {
            return "sources";
        }

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                for (var scan : api.post(path() + "/scans", null, com.fasterxml.jackson.databind.JsonNode[].class)) {
                    System.out.println("Scan " + scan.path("scanId").asText() + " of " + scan.path("root").asText() + " queued");
                }
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a registered source and its schedule (its snapshots stay).")
    public static final class Remove extends Registered.Remove {
        @Override
        String collection() {
            return "sources";
        }
    }
}
