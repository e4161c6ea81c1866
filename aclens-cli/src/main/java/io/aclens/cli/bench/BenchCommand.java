package io.aclens.cli.bench;

import io.aclens.cli.files.Folders;
import io.aclens.cli.Aclens;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SnapshotView;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a tree with POSIX ACLs and measures the pipeline (scan start to snapshot committed) against getfacl -R -p.",
                "A first scan and an unchanged rescan on services just started, then both again (the same tree as a further source) until the services are warm:",
                "their JIT compilers took at most a fifth of the CPU during the first scan (six rounds at most).",
                "Prints folders/s, the ratios to getfacl -R -p -n (targets: a first scan at most 3x its time, an unchanged rescan 1.5x),",
                "peak memory and CPU seconds per service. --walk-only times the collector's walk alone (seconds, no services)."})
public final class BenchCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /** Idle: the stack's processes together used under 0.3 CPU seconds a second (15 % of two cores), twice in a row. */
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(1);
    private static final double IDLE_CPU_SECONDS = 0.3;
    /** Warm: the JIT compilers took at most this share of the stack's CPU during a first scan (a fifth). */
    private static final double WARM_COMPILING = 0.20;
    /** Rounds at most, the first on services just started; each adds a first scan, its diff and a rescan: 20-30 s. */
    private static final int MAX_ROUNDS = 6;

    @Option(names = "--folders", defaultValue = "200000", description = "Folders in the generated tree (default: ${DEFAULT-VALUE}).")
    int folders;

    @Option(names = "--acl-ratio", defaultValue = "0.05", description = "Share of folders with an extended ACL (default: ${DEFAULT-VALUE}).")
    double aclRatio;

    @Option(names = "--data", defaultValue = ".aclens-bench", description = "Scratch folder, emptied first (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--walk-only", description = "Time the collector's walk of the tree alone (no services), in 1 and 2 threads, against getfacl.")
    boolean walkOnly;

    @Override
    public Integer call() throws Exception {
        Path dataDir = data.toAbsolutePath();
        Folders.deleteRecursively(dataDir);
        Path tree = dataDir.resolve("tree");
        Instant t0 = Instant.now();
        int withAcl = TreeGenerator.generate(tree, folders, aclRatio, 42);
        System.out.printf(Locale.ROOT, "tree: %d folders, %d with an extended ACL, generated in %s%n", folders, withAcl,
                Stack.seconds(Duration.between(t0, Instant.now())));

        Duration getfacl = getfacl(tree, "-R", "-p"); // also warms the cache for the pipeline, as it is warm for getfacl
        Duration numeric = null;
        if (getfacl != null) {
            getfacl = getfacl(tree, "-R", "-p");
            System.out.printf(Locale.ROOT, "getfacl -R -p (warm cache): %s = %,.0f folders/s%n", Stack.seconds(getfacl), rate(getfacl));
            // -n skips resolving every uid/gid to a name, which dominates getfacl's time on trees with many named entries
            numeric = getfacl(tree, "-R", "-p", "-n");
            System.out.printf(Locale.ROOT, "getfacl -R -p -n (warm cache, numeric ids): %s = %,.0f folders/s%n", Stack.seconds(numeric), rate(numeric));
        }
        if (walkOnly) {
            WalkBench.run(tree, folders, numeric);
            return 0;
        }

        try (Stack stack = Stack.start(StackConfig.of(Aclens.home(), dataDir.resolve("stack"), true), line -> System.out.println("  " + line))) {
            PipelineClient pipeline = new PipelineClient(stack);
            CpuMeter cpu = new CpuMeter(stack, Map.of());
            Map<String, Double> cpuAtStart = cpu.read();
            // Round one runs on services just started: the JIT compilers take some 40 % of the first scan's CPU. The next
            // rounds scan the same tree as further sources, as a service that has been running takes on a new share, until
            // the services are warm: code run once per batch of folders (not per folder) reaches the C2 compiler's
            // thresholds only after a few scans: the compilers' share falls to about a third in round two and a quarter in
            // round three, and stays at 13-27 % from round four on (stray compiles of the broker's, Kafka clients' and
            // Vert.x's code).
            Round justStarted = round(pipeline, cpu, scanOfSource(tree, 1), "services just started");
            Round warm;
            int rounds = 1;
            do {
                rounds++;
                warm = round(pipeline, cpu, scanOfSource(tree, rounds), "round " + rounds + ", the same tree as source " + rounds);
            } while (warm.compiling() > WARM_COMPILING && rounds < MAX_ROUNDS);
            System.out.printf(Locale.ROOT, "round %d counts as services warm%s%n", rounds, warm.compiling() > WARM_COMPILING
                    ? " (the last: the JIT compilers never took under " + Math.round(WARM_COMPILING * 100) + " % of a first scan's CPU)" : "");
            if (getfacl != null) {
                report("first scan, services just started", justStarted.firstScan(), "getfacl -R -p", getfacl, 0);
                report("first scan, services just started", justStarted.firstScan(), "getfacl -R -p -n", numeric, 3);
                report("unchanged rescan, services just started", justStarted.unchangedRescan(), "getfacl -R -p -n", numeric, 1.5);
                report("first scan, services warm", warm.firstScan(), "getfacl -R -p -n", numeric, 3);
                report("unchanged rescan, services warm", warm.unchangedRescan(), "getfacl -R -p -n", numeric, 1.5);
            }
            System.out.println("peak memory (RSS, MiB): " + stack.peakMemoryMib());
            System.out.println("CPU seconds used by the " + 2 * rounds + " scans: " + cpu.usedSince(cpuAtStart));
        }
        return 0;
    }

    /** @param compiling the share of the stack's CPU its JIT compilers took during the first scan */
    private record Round(Duration firstScan, Duration unchangedRescan, double compiling) {
    }

    private static PipelineClient.Scan scanOfSource(Path tree, int number) {
        return new PipelineClient.Scan("bench", tree.toString(), number == 1 ? "bench:tree" : "bench:tree-" + number, null, null);
    }

    /**
     * A first scan of the source, then (once its snapshot is diffed, recorded by the report service, and every service is
     * idle again) an unchanged rescan. Each scan starts on idle services, as a monthly scan does.
     */
    private Round round(PipelineClient pipeline, CpuMeter cpu, PipelineClient.Scan scan, String label) throws InterruptedException {
        awaitIdle(cpu, "the first scan");
        double cpuBefore = cpu.total();
        double compilingBefore = cpu.jitCompilers();
        Duration first = timeScan(pipeline, scan);
        double used = cpu.total() - cpuBefore;
        double compiling = cpu.jitCompilers() - compilingBefore;
        double compilingShare = compiling / Math.max(0.1, used);
        System.out.printf(Locale.ROOT, "pipeline, first scan (%s; scan start -> snapshot committed): %s = %,.0f folders/s%n", label,
                Stack.seconds(first), rate(first));
        System.out.printf(Locale.ROOT, "  (CPU used meanwhile: %.1f s, %.1f s of it by the JIT compilers = %.0f %%)%n", used, compiling,
                100 * compilingShare);
        Instant settling = Instant.now();
        SnapshotView firstSnapshot = pipeline.snapshots(scan.clientId(), scan.sourceId())[0];
        pipeline.awaitChangeSet(firstSnapshot.snapshotId(), TIMEOUT);
        pipeline.awaitReportable(scan.clientId(), scan.sourceId(), firstSnapshot.snapshotId(), TIMEOUT);
        System.out.printf(Locale.ROOT, "  (first snapshot diffed and recorded by the report service %s later)%n",
                Stack.seconds(Duration.between(settling, Instant.now())));
        awaitIdle(cpu, "the rescan");
        Duration rescan = timeScan(pipeline, scan);
        System.out.printf(Locale.ROOT, "pipeline, unchanged rescan (%s): %s = %,.0f folders/s%n", label, Stack.seconds(rescan), rate(rescan));
        return new Round(first, rescan, compilingShare);
    }

    /** Waits until what the last scan left in the background (its diff, the report service's read model loading) is done. */
    private static void awaitIdle(CpuMeter cpu, String next) throws InterruptedException {
        Duration waited = cpu.awaitIdle(IDLE_WINDOW, IDLE_CPU_SECONDS, TIMEOUT);
        System.out.printf(Locale.ROOT, "  (services idle after %s: %s starts now)%n", Stack.seconds(waited), next);
    }

    private Duration timeScan(PipelineClient pipeline, PipelineClient.Scan scan) {
        Instant start = Instant.now();
        ScanView committed = pipeline.awaitCommitted(pipeline.startScan(scan), TIMEOUT);
        Duration took = Duration.between(start, Instant.now());
        if (committed.expectedFolders() != folders) {
            throw new IllegalStateException("Expected " + folders + " folders, the snapshot has " + committed.expectedFolders());
        }
        if (committed.baselineSnapshotId() != null) {
            System.out.printf(Locale.ROOT, "  (sent only what changed since snapshot %d: %,d of %,d folders unchanged, not sent)%n",
                    committed.baselineSnapshotId(), committed.unchangedFolders(), committed.expectedFolders());
        }
        return took;
    }

    /** Prints the pipeline's time over getfacl's and, for a {@code target} above 0, whether it is met. */
    private static void report(String scan, Duration pipeline, String baseline, Duration getfacl, double target) {
        double ratio = (double) pipeline.toMillis() / Math.max(1, getfacl.toMillis());
        String verdict = target <= 0 ? "" : String.format(Locale.ROOT, " (target <= %.1fx): %s", target, ratio <= target ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "ratio %s / %s: %.2fx%s%n", scan, baseline, ratio, verdict);
    }

    private double rate(Duration duration) {
        return folders / Math.max(0.001, duration.toMillis() / 1000.0);
    }

    /** Times {@code getfacl <options> tree > /dev/null}; null when getfacl is not installed. */
    private static Duration getfacl(Path tree, String... options) throws IOException, InterruptedException {
        Instant start = Instant.now();
        Process process;
        List<String> command = new ArrayList<>(List.of("getfacl"));
        command.addAll(List.of(options));
        command.add(tree.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).redirectErrorStream(false).start();
        } catch (IOException e) {
            System.out.println("getfacl is not installed (Debian: apt-get install acl); the comparison is skipped");
            return null;
        }
        process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("getfacl failed");
        }
        return Duration.between(start, Instant.now());
    }
}
