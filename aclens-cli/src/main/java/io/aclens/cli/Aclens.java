package io.aclens.cli;

import io.aclens.cli.bench.AccessBenchCommand;
import io.aclens.cli.bench.ScaleBenchCommand;
import io.aclens.cli.bench.BenchCommand;
import io.aclens.cli.bench.SmbBenchCommand;
import io.aclens.cli.chaos.ChaosCommand;
import io.aclens.cli.demo.DemoCommand;
import io.aclens.cli.fuzz.FuzzCommand;
import io.aclens.cli.ops.AccessCommand;
import io.aclens.cli.ops.AlertCommand;
import io.aclens.cli.ops.AuditCommand;
import io.aclens.cli.ops.ClientCommand;
import io.aclens.cli.ops.ConsoleCommand;
import io.aclens.cli.ops.StatusCommand;
import io.aclens.cli.ops.SubscriptionCommand;
import io.aclens.cli.ops.DirectoryCommand;
import io.aclens.cli.ops.SourceCommand;
import io.aclens.cli.ops.DlqCommand;
import io.aclens.cli.ops.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "aclens", mixinStandardHelpOptions = true, version = "ACLens 0.1.0",
        description = "Who can access which folder, and what changed.",
        subcommands = {DemoCommand.class, AccessCommand.class, ClientCommand.class, ConsoleCommand.class, SourceCommand.class, DirectoryCommand.class, AuditCommand.class, SubscriptionCommand.class, AlertCommand.class, StatusCommand.class, TokenCommand.class, DlqCommand.class, FuzzCommand.class, ChaosCommand.class, BenchCommand.class, SmbBenchCommand.class, AccessBenchCommand.class, ScaleBenchCommand.class, CommandLine.HelpCommand.class})
public final class Aclens {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Aclens()).execute(args));
    }

    /** The ACLens checkout (the ./aclens script passes it), whose module folders hold the packaged services. */
    public static java.nio.file.Path home() {
        return java.nio.file.Path.of(System.getProperty("aclens.home", ".")).toAbsolutePath().normalize();
    }
}
