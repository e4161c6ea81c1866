package io.aclens.cli.demo;

import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.ChangeSetView;
import io.aclens.contracts.api.ScanView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo: start the stack, scan (the sample share, changed between two scans, or a given folder once),
 * follow each scan through snapshot and diff, and write the client report. Prints each step with its time.
 */
public final class Demo {
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    /** @param root the folder to scan, or {@code null} for the sample share */
    public record Options(Path root, Path out, String clientId, String sourceId, StackConfig stack) {
    }

    /** What the run produced: the report file, the last scan's change set, and each step's duration. */
    public record Result(Path report, ChangeSetView lastChangeSet, Map<String, Duration> steps, Map<String, Long> peakMemoryMib) {
    }

    private final PrintStream out;
    private final Map<String, Duration> steps = new LinkedHashMap<>();

    public Demo(PrintStream out) {
        this.out = out;
    }

    public Result run(Options options) throws IOException {
        Instant start = Instant.now();
        out.println("ACLens demo — data in " + options.stack().dataDir().toAbsolutePath());
        try (Stack stack = step("start Kafka, PostgreSQL and the 4 services", () -> Stack.start(options.stack(), line -> out.println("    " + line)))) {
            PipelineClient pipeline = new PipelineClient(stack);
            ChangeSetView changeSet;
            PipelineClient.Scan scan;
            if (options.root() == null) {
                SampleTree tree = step("create the sample share with POSIX ACLs", () -> SampleTree.create(options.stack().dataDir().resolve("sample")));
                out.println("    " + tree.folderCount() + " folders at " + tree.root());
                scan = new PipelineClient.Scan(options.clientId(), tree.root().toString(), SampleTree.SOURCE_ID, tree.passwd().toString(),
                        tree.group().toString());
                scanThrough(pipeline, scan, "scan 1");
                List<String> changes = step("change permissions", tree::change);
                changes.forEach(change -> out.println("    " + change));
                changeSet = scanThrough(pipeline, scan, "scan 2");
            } else {
                scan = new PipelineClient.Scan(options.clientId(), options.root().toAbsolutePath().toString(), options.sourceId(), null, null);
                changeSet = scanThrough(pipeline, scan, "scan " + options.root());
            }
            byte[] workbook = step("build the client report", () -> pipeline.report(options.clientId()));
            Files.createDirectories(options.out());
            Path report = options.out().resolve("aclens-" + options.clientId() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".xlsx");
            Files.write(report, workbook);
            Map<String, Long> memory = stack.peakMemoryMib();
            out.println();
            out.println("Report: " + report.toAbsolutePath() + " (" + workbook.length / 1024 + " KiB)");
            out.println("Changes in this run: " + (changeSet.baseline() ? "none (first scan of this source: the baseline)" : changeSet.changeCount()));
            out.println("Peak memory (RSS): " + memory);
            out.println("Total " + Stack.seconds(Duration.between(start, Instant.now())) + "; stopping everything.");
            return new Result(report, changeSet, steps, memory);
        }
    }

    private ChangeSetView scanThrough(PipelineClient pipeline, PipelineClient.Scan scan, String name) {
        return step(name + ": collect, snapshot, diff", () -> {
            String scanId = pipeline.startScan(scan);
            ScanView committed = pipeline.awaitCommitted(scanId, STEP_TIMEOUT);
            ChangeSetView changeSet = pipeline.awaitChangeSet(committed.snapshotId(), STEP_TIMEOUT);
            pipeline.awaitReportable(scan.clientId(), committed.sourceId(), committed.snapshotId(), STEP_TIMEOUT);
            out.println("    snapshot " + committed.snapshotId() + " of " + committed.sourceId() + ": " + committed.expectedFolders()
                    + " folders, " + committed.errorCount() + " unreadable; "
                    + (changeSet.baseline() ? "baseline (first snapshot)" : changeSet.changeCount() + " changes"));
            return changeSet;
        });
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    private <T> T step(String name, Step<T> body) {
        out.println("» " + name);
        Instant started = Instant.now();
        try {
            T result = body.run();
            Duration took = Duration.between(started, Instant.now());
            steps.put(name, took);
            out.println("  done in " + Stack.seconds(took));
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
        }
    }
}
