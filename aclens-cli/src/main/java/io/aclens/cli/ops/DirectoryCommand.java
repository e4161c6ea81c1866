package io.aclens.cli.ops;

import io.aclens.contracts.api.DirectoryRegistration;
import io.aclens.contracts.api.DirectorySettings;
import io.aclens.contracts.api.RegisteredDirectoryView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A client's directories, registered with a running collector: tested (TLS, certificate, bind, base DN) before they are stored. */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Adds, lists, tests, syncs and removes a client's directories (a running collector).",
        subcommands = {DirectoryCommand.Add.class, DirectoryCommand.ListDirectories.class, DirectoryCommand.Test.class,
                DirectoryCommand.Sync.class, DirectoryCommand.Remove.class})
public final class DirectoryCommand {
    private DirectoryCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Registers (or changes) a directory once a connection test passed; the answer says what failed otherwise.",
            "  echo \"$PASSWORD\" | ./aclens directory add --client acme --name ad --kind active-directory \\",
            "      --url ldaps://dc1.acme.local --base-dn DC=acme,DC=local --bind-dn 'CN=svc-aclens,OU=Service,DC=acme,DC=local' \\",
            "      --password-stdin --trust-store /etc/aclens/acme-ca.pem --cron '0 0 1 * * ?'",
            "  ./aclens directory add --client acme --name files --kind local --passwd-file /srv/acme/passwd --group-file /srv/acme/group"})
    public static final class Add implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Mixin
        Registered.Name directory = new Registered.Name();
        @Mixin
        RegisteredSecret secret = new RegisteredSecret();

        @Option(names = "--kind", required = true, description = "active-directory, ldap or local.")
        String kind;
        @Option(names = "--directory-id", description = "The id its directory snapshots carry (default: kind:name).")
        String directoryId;
        @Option(names = "--cron", description = "Quartz cron, seconds first; none: synced on demand only.")
        String cron;
        @Option(names = "--url", description = "ldaps://host[:636], or ldap://host[:389] upgraded with StartTLS.")
        String url;
        @Option(names = "--base-dn", description = "Where to read people and groups from.")
        String baseDn;
        @Option(names = "--bind-dn", description = "The account to bind as (anonymous when absent).")
        String bindDn;
        @Option(names = "--trust-store", description = "The directory's CA: a PEM file, or a PKCS12 trust store without a password.")
        String trustStore;
        @Option(names = "--allow-plaintext", description = "Read over plain LDAP without StartTLS (logged as a warning on every sync).")
        Boolean allowPlaintext;
        @Option(names = "--passwd-file", description = "local: the passwd file (default /etc/passwd).")
        String passwdFile;
        @Option(names = "--group-file", description = "local: the group file (default /etc/group).")
        String groupFile;
        @Option(names = "--min-uid", description = "local: accounts below this uid are system accounts (default 1000).")
        Long minUid;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                DirectorySettings settings = switch (kind) {
                    case DirectorySettings.ACTIVE_DIRECTORY, DirectorySettings.LDAP -> new DirectorySettings.Ldap(kind, url, baseDn, bindDn,
                            secret.passwordFile, trustStore, allowPlaintext, null);
                    case DirectorySettings.LOCAL -> new DirectorySettings.Local(kind, passwdFile, groupFile, minUid);
                    default -> throw new AclensApi.ApiException(2, "--kind must be active-directory, ldap or local");
                };
                RegisteredDirectoryView stored = api.put(directory.path("directories"), new DirectoryRegistration(directoryId, cron, secret.password(), settings),
                        RegisteredDirectoryView.class);
                System.out.println("Directory " + stored.clientId() + "/" + stored.name() + " registered as " + stored.directoryId()
                        + " (connection test passed)" + (stored.cron() == null ? "" : "; synced on " + stored.cron()));
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a client's registered directories (never their passwords).")
    public static final class ListDirectories implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();

        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;

        @Override
        public Integer call() {
            return Outcome.of(() -> {
                RegisteredDirectoryView[] directories = api.get("/api/v1/clients/" + AclensApi.segment(clientId) + "/directories",
                        RegisteredDirectoryView[].class);
                System.out.printf("%-16s %-17s %-30s %-18s %s%n", "NAME", "KIND", "DIRECTORY ID", "SCHEDULE", "PASSWORD");
                for (RegisteredDirectoryView d : directories) {
                    System.out.printf("%-16s %-17s %-30s %-18s %s%n", d.name(), d.settings().kind(), d.directoryId(), d.cron() == null ? "-" : d.cron(),
                            d.passwordStored() ? "stored, encrypted" : "-");
                }
            });
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Tests a registered directory's connection again.")
    public static final class Test extends Registered.Test {
        @Override
        String collection() {
            return "directories";
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true, description = "Syncs a registered directory now.")
    public static final class Sync extends Registered.Subcommand {
        @Override
        String collection() {
            return "directories";
        }

        @Override
        public Integer call() {
            return Outcome.of(() -> System.out.println("Directory sync " + api.post(path() + "/syncs", null,
                    com.fasterxml.jackson.databind.JsonNode.class).path("syncId").asText() + " started"));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a registered directory and its schedule.")
    public static final class Remove extends Registered.Remove {
        @Override
        String collection() {
            return "directories";
        }
    }
}
