package io.aclens.cli.chaos;

import io.aclens.cli.Aclens;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./aclens chaos: the fault-injection suite, printed as a table of runs and outcomes. */
@Command(name = "chaos", mixinStandardHelpOptions = true, description = {
        "Fails each service, the broker and PostgreSQL at random moments of scans; nothing may be lost or doubled.",
        "Services are killed (SIGKILL) and started again, the broker restarted, PostgreSQL stopped for 5 s.",
        "A reference run, then for each service --runs runs: sync a directory, scan a generated tree, edit twelve folders,",
        "scan again — one failure during a scan, at a moment the seed picks; each run's snapshot, permission changes,",
        "effective changes and workbook matrices must equal the reference's.",
        "  ./aclens chaos                         20,000 folders, 10 runs a target (about 25 minutes)",
        "  ./aclens chaos --folders 2000 --runs 2 --seed 7"})
public final class ChaosCommand implements Callable<Integer> {
    @Option(names = "--folders", defaultValue = "20000", description = "Folders in each run's tree (default: ${DEFAULT-VALUE}).")
    int folders;

    @Option(names = "--runs", defaultValue = "10", description = "Runs for each service killed (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "20261202", description = "Seed of the kill moments (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--services", split = ",", description = "What to kill: the four services, kafka-broker (restarted), postgresql "
            + "(stopped 5 s; embedded only) (default: all of them).")
    List<String> services = TARGETS;

    /** Every target: the four services, the broker and the database. */
    public static final List<String> TARGETS = java.util.stream.Stream.concat(Stack.SERVICES.stream(),
            java.util.stream.Stream.of(Stack.KAFKA, Stack.POSTGRESQL)).toList();

    @Option(names = "--data", defaultValue = ".aclens-chaos", description = "Where the stack and the trees live (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        List<Chaos.Outcome> outcomes = run(Aclens.home(), data.toAbsolutePath(), folders, runs, seed, services);
        return outcomes.stream().allMatch(Chaos.Outcome::equal) ? 0 : 1;
    }

    /** Runs the suite and prints its table; returns every run's outcome. */
    public static List<Chaos.Outcome> run(Path home, Path data, int folders, int runs, long seed, List<String> services) throws Exception {
        List<Chaos.Outcome> outcomes = new ArrayList<>();
        try (Stack stack = Stack.start(StackConfig.of(home, data.resolve("stack"), true), line -> System.out.println("  " + line))) {
            Chaos chaos = new Chaos(stack, data.resolve("work-" + System.currentTimeMillis()), folders);
            Chaos.Reference reference = chaos.reference();
            System.out.printf(Locale.ROOT, "Reference: %d folders, %d permission changes, %d effective changes, %d workbook matrix rows; "
                            + "first scan %d ms%n", reference.result().folders(), reference.result().changes().size(),
                    reference.result().effectiveChanges().size(), reference.result().workbook().size(), reference.scanTook().toMillis());
            System.out.printf(Locale.ROOT, "%-4s %-17s %-8s %9s %8s  %s%n", "RUN", "KILLED", "DURING", "AFTER ms", "TOOK s", "OUTCOME");
            int number = 0;
            for (int r = 0; r < runs; r++) {
                for (String service : services) {
                    number++;
                    Chaos.Outcome outcome = chaos.disturbed(number, service, reference, seed + number);
                    outcomes.add(outcome);
                    System.out.printf(Locale.ROOT, "%-4d %-17s %-8s %9d %8.1f  %s%n", outcome.run(), outcome.target(), outcome.killedDuring(),
                            outcome.killedAfterMs(), outcome.took().toMillis() / 1000.0,
                            outcome.equal() ? "equal: nothing lost, nothing doubled" : "DIFFERENT: " + outcome.difference());
                }
            }
        }
        long equal = outcomes.stream().filter(Chaos.Outcome::equal).count();
        System.out.println(equal + " of " + outcomes.size() + " disturbed runs equal the reference");
        return outcomes;
    }
}
