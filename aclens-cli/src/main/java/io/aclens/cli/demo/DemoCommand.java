package io.aclens.cli.demo;

import io.aclens.cli.Aclens;
import io.aclens.cli.stack.StackConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline on embedded defaults (Kafka, PostgreSQL, the 4 services) and writes the client report.",
                "Without --root: creates a sample share with POSIX ACLs, scans it, changes permissions, scans again.",
                "With --root: scans that folder (read only); run it again after a permission change to see the change in the report."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Folder tree to scan instead of the sample share (nothing in it is changed).")
    Path root;

    @Option(names = "--out", defaultValue = "out", description = "Where the report is written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--client", defaultValue = "demo", description = "Client id the scans belong to (default: ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--source-id", description = "Name of the scanned source (default: local:<host>:<root>).")
    String sourceId;

    @Option(names = "--data", defaultValue = ".aclens", description = "State kept between runs: Kafka, PostgreSQL, logs (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--keep-running", description = "Leave the services up after the report (until Ctrl-C), e.g. for ./aclens access.")
    boolean keepRunning;

    @Option(names = "--sso", description = {"With --keep-running: also run a Keycloak as the MSP's identity provider (fetched once from Maven,",
            "about 165 MB) and turn on the web console's single sign-on for MSP staff."})
    boolean singleSignOn;

    @Override
    public Integer call() throws Exception {
        if (root != null && !root.toFile().isDirectory()) {
            System.err.println("--root " + root + " is not a folder");
            return 2;
        }
        StackConfig stack = StackConfig.of(Aclens.home(), data.toAbsolutePath(), false);
        if (!singleSignOn) {
            new Demo(System.out).run(new Demo.Options(root, out, clientId, sourceId, stack, keepRunning));
            return 0;
        }
        if (!keepRunning) {
            System.err.println("--sso needs --keep-running: single sign-on is tried in the console while the services run");
            return 2;
        }
        System.out.println("Starting Keycloak as the MSP's identity provider (the first time, it is fetched from Maven)...");
        try (DemoIdentityProvider identityProvider = DemoIdentityProvider.start(Aclens.home(), stack)) {
            new Demo(System.out).run(new Demo.Options(root, out, clientId, sourceId, stack.withConsoleProperties(identityProvider.consoleProperties()),
                    true, null, identityProvider.signInNote()));
        }
        return 0;
    }
}
