package io.aclens.cli.demo;

import io.aclens.auth.Roles;
import io.aclens.cli.stack.ConsoleClient;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.ConsoleInvitationRequest;
import io.aclens.contracts.api.DirectoryRegistration;
import io.aclens.contracts.api.DirectorySettings;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.contracts.api.SourceView;
import io.aclens.contracts.api.ChangeSetView;
import io.aclens.contracts.api.DirectoryChangeSetView;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.SubscriptionRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
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

    /**
     * @param root        the folder to scan, or {@code null} for the sample share
     * @param keepRunning    leave the services up after the report (until Ctrl-C) so their REST APIs and the console can be explored
     * @param beforeStopping what to do with the running stack once the report is delivered (a test's browser), or null
     * @param consoleNote    printed under the console's sign-ins when the services keep running (single sign-on), or null
     */
    public record Options(Path root, Path out, String clientId, String sourceId, StackConfig stack, boolean keepRunning,
                         java.util.function.Consumer<Stack> beforeStopping, String consoleNote) {
        public Options(Path root, Path out, String clientId, String sourceId, StackConfig stack, boolean keepRunning) {
            this(root, out, clientId, sourceId, stack, keepRunning, null, null);
        }

        public Options(Path root, Path out, String clientId, String sourceId, StackConfig stack) {
            this(root, out, clientId, sourceId, stack, false, null, null);
        }
    }

    /** The demo's console sign-ins: fixed, so a kept data folder keeps working; the console listens on 127.0.0.1 only. */
    public static final String DEMO_ADMIN = "admin@msp.example";
    public static final String DEMO_ADMIN_PASSWORD = "demo-admin-2026";
    public static final String DEMO_VIEWER_PASSWORD = "demo-viewer-2026";

    /**
     * What the run produced: the report file, the package's mail as received (.eml), the last scan's change set, the
     * effective changes of the run (sample share only), and each step's duration.
     */
    public record Result(Path report, Path mail, ScanView lastScan, ChangeSetView lastChangeSet, List<EffectiveChangeView> effectiveChanges,
                         Map<String, Duration> steps,
                         Map<String, Long> peakMemoryMib) {
    }

    /** The sample share's people: its own passwd/group files, registered with the collector as the client's local directory. */
    static final String SAMPLE_DIRECTORY = "people";
    /** Kept from the runs that named the directory in the collector's configuration, so a kept data folder goes on with its history. */
    static final String SAMPLE_DIRECTORY_ID = "local:demo-people";
    static final String SAMPLE_SOURCE = "share";

    private final PrintStream out;
    private final Map<String, Duration> steps = new LinkedHashMap<>();
    private ScanView lastScan;

    public Demo(PrintStream out) {
        this.out = out;
    }

    public Result run(Options options) throws IOException {
        Instant start = Instant.now();
        out.println("ACLens demo — data in " + options.stack().dataDir().toAbsolutePath());
        Path sampleDir = options.stack().dataDir().resolve("sample");
        StackConfig stackConfig = options.stack();
        Instant runStarted = Instant.now();
        List<EffectiveChangeView> effectiveChanges = List.of();
        try (Stack stack = step("start Kafka, PostgreSQL and the 4 services", () -> Stack.start(stackConfig, line -> out.println("    " + line)))) {
            PipelineClient pipeline = new PipelineClient(stack);
            ChangeSetView changeSet;
            String clientId = options.clientId();
            if (options.root() == null) {
                SampleTree tree = step("create the sample share with POSIX ACLs", () -> SampleTree.create(sampleDir));
                out.println("    " + tree.folderCount() + " folders at " + tree.root());
                step("onboard client " + clientId + ": its share and its people (connection tests first)", () -> onboard(pipeline, clientId, tree));
                syncThrough(pipeline, clientId, "directory sync 1 (the share's passwd/group)");
                scanThrough(pipeline, clientId, "scan 1");
                List<String> changes = step("change permissions", tree::change);
                changes.forEach(change -> out.println("    " + change));
                changeSet = scanThrough(pipeline, clientId, "scan 2");
                step("change the directory only", tree::changeDirectory).forEach(change -> out.println("    " + change));
                syncThrough(pipeline, clientId, "directory sync 2");
                effectiveChanges = pipeline.effectiveChanges(options.clientId(), runStarted);
                out.println("    what people gained or lost in this run:");
                effectiveChanges.forEach(c -> out.println("      " + c.login() + ": " + c.before().description() + " → "
                        + c.after().description() + " on " + c.path() + " (" + c.cause().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ": " + c.detail() + ")"));
                CellAccessView why = pipeline.access(options.clientId(), "ivanova", tree.root() + "/" + SampleTree.PAYROLL);
                out.println("    why ivanova holds " + why.level().description() + " on " + SampleTree.PAYROLL + ":");
                why.reasons().forEach(reason -> out.println("      " + reason));
                CellAccessView dormant = pipeline.access(options.clientId(), "kozlova", tree.root() + "/HR");
                out.println("    kozlova on HR: " + dormant.level().description() + " (" + dormant.accountState() + "; dormant level "
                        + dormant.dormantLevel().description() + ": what she would regain if re-enabled)");
            } else {
                PipelineClient.Scan scan = new PipelineClient.Scan(clientId, options.root().toAbsolutePath().toString(), options.sourceId(), null, null);
                changeSet = scanThrough(pipeline, scan.clientId(), "scan " + options.root(), () -> pipeline.startScan(scan));
            }
            byte[] workbook = step("build the client report", () -> pipeline.report(options.clientId()));
            Files.createDirectories(options.out());
            Path report = options.out().resolve("aclens-" + options.clientId() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".xlsx");
            Files.write(report, workbook);
            Path mail = step("deliver the package by e-mail (in Russian, to the demo's SMTP server)", () -> deliver(stack, pipeline, options,
                    report.getFileName().toString().replace(".xlsx", ".eml")));
            Map<String, Long> memory = stack.peakMemoryMib();
            out.println();
            out.println("Report: " + report.toAbsolutePath() + " (" + workbook.length / 1024 + " KiB)");
            out.println("Mail:   " + mail.toAbsolutePath() + " (open it with any mail program: the package as the client's manager receives it)");
            out.println("Changes in this run: " + (changeSet.baseline() ? "none (first scan of this source: the baseline)"
                    : changeSet.changeCount() + " permission entries") + (options.root() == null
                    ? "; " + effectiveChanges.size() + " changes of what people can access (sheet \"Changes by person\")" : ""));
            out.println("Peak memory (RSS): " + memory);
            if (options.beforeStopping() != null) {
                options.beforeStopping().accept(stack);
            }
            if (options.keepRunning()) {
                keepRunning(stack, options.clientId(), options.consoleNote());
            }
            out.println("Total " + Stack.seconds(Duration.between(start, Instant.now())) + "; stopping everything.");
            return new Result(report, mail, lastScan, changeSet, effectiveChanges, steps, memory);
        }
    }

    /**
     * Subscribes the client's manager (in Russian) and sends the package now, as the monthly schedule would; writes the
     * message the SMTP server received as an .eml beside the workbook.
     */
    private Path deliver(Stack stack, PipelineClient pipeline, Options options, String fileName) {
        DeliveryView sent = pipeline.deliverNow(options.clientId(), "management", new SubscriptionRequest(
                List.of("director@" + options.clientId() + ".example"), List.of(), "ru", "Europe/Moscow", "MONTHLY", null, true, List.of(), List.of(),
                List.of(), List.of()), STEP_TIMEOUT);
        try {
            for (MimeMessage message : stack.smtp().received()) {
                if (sent.messageId().equals(message.getMessageID())) {
                    Path eml = options.out().resolve(fileName);
                    try (OutputStream file = Files.newOutputStream(eml)) {
                        message.writeTo(file);
                    }
                    out.println("    delivery " + sent.deliveryId() + " sent: \"" + message.getSubject() + "\" to " + String.join(", ",
                            java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()));
                    return eml;
                }
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot write the delivered message: " + e.getMessage(), e);
        }
        throw new IllegalStateException("Delivery " + sent.deliveryId() + " is SENT but the SMTP server has no message " + sent.messageId());
    }

    /**
     * Registers the client, its people and its share with the collector, as ./aclens client|directory|source add would: the
     * collector reads each once (the connection test) before it stores it.
     */
    private String onboard(PipelineClient pipeline, String clientId, SampleTree tree) {
        pipeline.onboard(new ClientRegistration(clientId, "Demo company"));
        String passwd = tree.passwd().toAbsolutePath().toString();
        String group = tree.group().toAbsolutePath().toString();
        pipeline.registerDirectory(clientId, SAMPLE_DIRECTORY, new DirectoryRegistration(SAMPLE_DIRECTORY_ID, null, null,
                new DirectorySettings.Local(DirectorySettings.LOCAL, passwd, group, null)));
        SourceView share = pipeline.registerSource(clientId, SAMPLE_SOURCE, new SourceRegistration(SampleTree.SOURCE_ID, null, null,
                new SourceSettings.LinuxTree(SourceSettings.LINUX, tree.root().toString(), null, passwd, group)));
        out.println("    client " + clientId + ", directory " + SAMPLE_DIRECTORY_ID + " and source " + share.sourceId() + " registered");
        return share.sourceId();
    }

    private ChangeSetView scanThrough(PipelineClient pipeline, String clientId, String name) {
        return scanThrough(pipeline, clientId, name, () -> pipeline.startRegisteredScans(clientId, SAMPLE_SOURCE).get(0));
    }

    private ChangeSetView scanThrough(PipelineClient pipeline, String clientId, String name, java.util.function.Supplier<String> start) {
        return step(name + ": collect, snapshot, diff", () -> {
            String scanId = start.get();
            ScanView committed = pipeline.awaitCommitted(scanId, STEP_TIMEOUT);
            ChangeSetView changeSet = pipeline.awaitChangeSet(committed.snapshotId(), STEP_TIMEOUT);
            pipeline.awaitReportable(clientId, committed.sourceId(), committed.snapshotId(), STEP_TIMEOUT);
            out.println("    snapshot " + committed.snapshotId() + " of " + committed.sourceId() + ": " + committed.expectedFolders()
                    + " folders, " + committed.errorCount() + " unreadable; "
                    + (changeSet.baseline() ? "baseline (first snapshot)" : changeSet.changeCount() + " changes"));
            if (committed.baselineSnapshotId() != null) {
                out.println("    the collector sent only what changed since snapshot " + committed.baselineSnapshotId() + ": "
                        + committed.sentFolders() + " of " + committed.expectedFolders() + " folders");
            }
            lastScan = committed;
            return changeSet;
        });
    }

    private void keepRunning(Stack stack, String clientId, String consoleNote) {
        out.println();
        out.println("The services keep running until Ctrl-C. The API, one base URL for all of them:");
        out.println("  " + stack.apiUrl() + "/api/v1   (document: " + stack.apiUrl() + "/api/v1/openapi.json, Swagger UI: " + stack.apiUrl()
                + "/q/swagger-ui)");
        String viewer = stack.tokens().issue(clientId + "-viewer", Roles.CLIENT_VIEWER, List.of(clientId), Duration.ofDays(1));
        out.println("A read-only token for client " + clientId + "'s viewer (24 h; ./aclens token create issues more):");
        out.println("  export ACLENS_API_URL=" + stack.apiUrl() + " ACLENS_TOKEN=" + viewer);
        out.println("Try: ./aclens access --client " + clientId + " --user ivanova");
        out.println("Onboard a client of your own (an msp-admin token, 1 h):");
        out.println("  export ACLENS_API_URL=" + stack.apiUrl() + " ACLENS_TOKEN="
                + stack.tokens().issue("demo-admin", Roles.MSP_ADMIN, List.of(), Duration.ofHours(1)));
        out.println("  ./aclens client add acme --name 'Acme Ltd'; ./aclens source add --client acme --name home --kind linux --root /home");
        consoleSignIns(stack, clientId);
        if (consoleNote != null && stack.consoleUrl() != null) {
            out.println(consoleNote);
        }
        try {
            new java.util.concurrent.CountDownLatch(1).await(); // Ctrl-C runs the stack's shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Invites the demo's two console users with the MSP's token and sets their passwords through the invitation page. */
    private void consoleSignIns(Stack stack, String clientId) {
        if (stack.consoleUrl() == null) {
            return;
        }
        ConsoleClient console = new ConsoleClient(stack.consoleUrl());
        String viewer = viewerOf(clientId);
        List.of(new ConsoleInvitationRequest(DEMO_ADMIN, "MSP administrator", Roles.MSP_ADMIN, List.of(), "en"),
                new ConsoleInvitationRequest(viewer, "Директор " + clientId, Roles.CLIENT_VIEWER, List.of(clientId), "ru"))
                .forEach(request -> console.ensureAccount(stack.tokens().operatorToken(), request,
                        request.email().equals(DEMO_ADMIN) ? DEMO_ADMIN_PASSWORD : DEMO_VIEWER_PASSWORD));
        out.println();
        out.println("The web console: " + stack.consoleUrl());
        out.println("  the client's manager (sees " + clientId + " only, in Russian): " + viewer + " / " + DEMO_VIEWER_PASSWORD);
        out.println("  the MSP's administrator (every client, operations, accounts): " + DEMO_ADMIN + " / " + DEMO_ADMIN_PASSWORD);
    }

    /** The demo client's manager's console sign-in. */
    public static String viewerOf(String clientId) {
        return "manager@" + clientId + ".example";
    }

    private void syncThrough(PipelineClient pipeline, String clientId, String name) {
        step(name + ": collect, snapshot, diff", () -> {
            DirectoryChangeSetView diffed = pipeline.awaitDirectoryDiffed(pipeline.startRegisteredSync(clientId, SAMPLE_DIRECTORY), STEP_TIMEOUT);
            out.println("    directory snapshot " + diffed.directorySnapshotId() + ": "
                    + (diffed.baseline() ? "baseline (first sync)" : diffed.changeCount() + " effective changes"));
            return diffed;
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
