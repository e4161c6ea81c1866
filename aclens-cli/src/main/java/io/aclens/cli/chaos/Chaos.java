package io.aclens.cli.chaos;

import io.aclens.access.PosixAcl;
import io.aclens.cli.bench.TreeGenerator;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.DirectoryRegistration;
import io.aclens.contracts.api.DirectorySettings;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.posix.PosixAclFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fault injection on the whole pipeline: a reference run, undisturbed, then runs in which one service is killed
 * (SIGKILL) at a random moment of a scan and started again. Each run syncs the client's directory, scans a generated
 * tree, edits the permissions of twelve folders and scans again; afterwards its snapshot, permission changes, effective
 * changes and workbook matrices must equal the reference's — nothing lost, nothing doubled — however the run was disturbed.
 */
public final class Chaos {
    static final String SOURCE_ID = "chaos:tree";
    private static final int EDITED_FOLDERS = 12;
    private static final Duration SETTLE = Duration.ofMinutes(5);

    /** One run's outcome as printed. */
    public record Outcome(int run, String target, String killedDuring, long killedAfterMs, String difference, Duration took) {
        public boolean equal() {
            return difference == null;
        }
    }

    private final Stack stack;
    private final PipelineClient pipeline;
    private final Path dir;
    private final int folders;
    /** Names this suite's clients apart from an earlier one's in a kept data folder. */
    private final String session = Long.toString(System.currentTimeMillis(), 36);
    private final Path passwd;
    private final Path group;

    public Chaos(Stack stack, Path dir, int folders) throws IOException {
        this.stack = stack;
        this.pipeline = new PipelineClient(stack);
        this.dir = dir;
        this.folders = folders;
        StringBuilder users = new StringBuilder();
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            users.append("u").append(30000 + i).append(":x:").append(30000 + i).append(":100:Сотрудник ").append(i).append(",,,:/home/u:/bin/sh\n");
        }
        for (int g = 0; g < 40; g++) {
            groups.append("g").append(31000 + g).append(":x:").append(31000 + g).append(":");
            List<String> members = new ArrayList<>();
            for (int i = g; i < 200; i += 40) {
                members.add("u" + (30000 + i));
            }
            groups.append(String.join(",", members)).append("\n");
        }
        Files.createDirectories(dir);
        this.passwd = Files.writeString(dir.resolve("passwd"), users);
        this.group = Files.writeString(dir.resolve("group"), groups);
    }

    /** The undisturbed run: what every other must equal, and how long its first scan took (kills are placed within that). */
    public record Reference(ChaosRun result, Duration scanTook) {
    }

    public Reference reference() throws IOException {
        return run("chaos-" + session + "-reference", null);
    }

    /** A run in which {@code target} is killed during one of the two scans (chosen by the seed), at a moment of it the seed picks. */
    public Outcome disturbed(int number, String target, Reference reference, long seed) throws IOException {
        Instant started = Instant.now();
        SplittableRandom random = new SplittableRandom(seed);
        Disturbance disturbance = new Disturbance(target, random.nextBoolean() ? 1 : 2,
                (long) (random.nextDouble() * Math.max(1, reference.scanTook().toMillis())));
        ChaosRun result = run("chaos-" + session + "-" + number, disturbance).result();
        return new Outcome(number, target, "scan " + disturbance.scan(), disturbance.afterMs(), result.differenceFrom(reference.result()),
                Duration.between(started, Instant.now()));
    }

    private record Disturbance(String target, int scan, long afterMs) {
    }

    private Reference run(String clientId, Disturbance disturbance) throws IOException {
        Path tree = dir.resolve("trees").resolve(clientId);
        TreeGenerator.generate(tree, folders, 0.05, 7);
        pipeline.onboard(new ClientRegistration(clientId, "Chaos " + clientId));
        pipeline.registerDirectory(clientId, "people", new DirectoryRegistration(null, null, null,
                new DirectorySettings.Local(DirectorySettings.LOCAL, passwd.toString(), group.toString(), 0L)));
        pipeline.registerSource(clientId, "tree", new SourceRegistration(SOURCE_ID, null, null,
                new SourceSettings.LinuxTree(SourceSettings.LINUX, tree.toString(), null, passwd.toString(), group.toString())));
        Instant from = Instant.now().minusSeconds(1);
        pipeline.awaitDirectoryDiffed(pipeline.startRegisteredSync(clientId, "people"), SETTLE);

        Instant scanStarted = Instant.now();
        SnapshotView first = scan(clientId, 1, disturbance);
        Duration firstScanTook = Duration.between(scanStarted, Instant.now());
        for (int i = 1; i <= EDITED_FOLDERS; i++) {
            PosixAclFiles.writeAccess(tree.resolve("folder-" + i), PosixAcl.parseText("u::rwx,g::r-x,g:31000:rwx,m::rwx,o::---"));
        }
        SnapshotView second = scan(clientId, 2, disturbance);
        if (second.snapshotId() == first.snapshotId()) {
            throw new IllegalStateException("the second scan of " + clientId + " was not committed");
        }
        String root = tree.toString();
        return new Reference(ChaosRun.of(second.folderCount(),
                pipeline.changes(clientId, from).stream().map(c -> relative(c, root)).toList(),
                pipeline.effectiveChanges(clientId, from).stream().map(c -> relative(c, root)).toList(),
                WorkbookMatrices.of(pipeline.report(clientId), root)), firstScanTook);
    }

    /** Scans the tree (killing the target on the way if this is its scan) and waits until the snapshot is diffed and reportable. */
    private SnapshotView scan(String clientId, int number, Disturbance disturbance) {
        int before = pipeline.snapshots(clientId, SOURCE_ID).length;
        pipeline.startRegisteredScans(clientId, "tree");
        if (disturbance != null && disturbance.scan == number) {
            sleep(disturbance.afterMs);
            stack.killAndRestart(disturbance.target);
        }
        SnapshotView snapshot = awaitSnapshotNumber(clientId, before + 1);
        pipeline.awaitChangeSet(snapshot.snapshotId(), SETTLE);
        pipeline.awaitReportable(clientId, SOURCE_ID, snapshot.snapshotId(), SETTLE);
        return snapshot;
    }

    private SnapshotView awaitSnapshotNumber(String clientId, int count) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(deadline)) {
            SnapshotView[] snapshots = pipeline.snapshots(clientId, SOURCE_ID);
            if (snapshots.length >= count) {
                return snapshots[0];
            }
            sleep(200);
        }
        throw new IllegalStateException("no snapshot " + count + " of " + clientId + " within " + SETTLE);
    }

    private static io.aclens.contracts.api.ChangeView relative(io.aclens.contracts.api.ChangeView c, String root) {
        return new io.aclens.contracts.api.ChangeView(0, 0, null, c.sourceId(), c.path().replace(root, "<tree>"), c.kind(), c.principalSid(),
                c.principalName(), c.before(), c.after(), c.cause(), null);
    }

    private static io.aclens.contracts.api.EffectiveChangeView relative(io.aclens.contracts.api.EffectiveChangeView c, String root) {
        return new io.aclens.contracts.api.EffectiveChangeView(0, null, null, c.sourceId(), c.path().replace(root, "<tree>"), c.userSid(),
                c.login(), c.fullName(), c.kind(), c.before(), c.after(), c.cause(), c.detail(), null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
