package io.aclens.cli.bench;

import io.aclens.cli.Aclens;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.ScanView;
import io.aclens.embedded.EmbeddedSamba;
import io.aclens.posix.ExtendedAttributes;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-smb", mixinStandardHelpOptions = true,
        description = {"Serves a generated share with a real Samba server on 127.0.0.1:445 and measures scanning it over SMB",
                "through the pipeline (target: at least 2,000 folders/s). Needs root and Debian's samba and smbclient packages."})
public final class SmbBenchCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final String ROOT = "bench";
    private static final String GROUP = "finance";
    private static final String NT_ACL_ATTRIBUTE = "security.NTACL";

    @Option(names = "--folders", defaultValue = "20000", description = "Folders in the share (default: ${DEFAULT-VALUE}).")
    int folders;

    @Option(names = "--parallelism", defaultValue = "64", description = "Folders read at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--connections", defaultValue = "4", description = "SMB connections they are spread over (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--scans", defaultValue = "3", description = "Scans of the share, the first in freshly started services (default: ${DEFAULT-VALUE}).")
    int scans;

    @Option(names = "--data", defaultValue = ".aclens-bench-smb", description = "Scratch folder for the stack (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (!"0".equals(EmbeddedSamba.exec(List.of("id", "-u")).output().strip())) {
            System.err.println("bench-smb starts smbd on port 445 and adds Unix users: run it as root");
            return 2;
        }
        try (EmbeddedSamba samba = EmbeddedSamba.start()) {
            Instant t0 = Instant.now();
            TreeGenerator.generate(samba.shareDir().resolve(ROOT), folders, 0, 7);
            inheritNtAcl(samba);
            System.out.printf(Locale.ROOT, "share: %d folders, each with the NT ACL it inherits from \\%s, generated in %s%n", folders, ROOT,
                    Stack.seconds(Duration.between(t0, Instant.now())));
            Map<String, String> source = Map.of("aclens.collector.smb-sources.bench.client-id", "bench",
                    "aclens.collector.smb-sources.bench.host", "127.0.0.1",
                    "aclens.collector.smb-sources.bench.share", EmbeddedSamba.SHARE,
                    "aclens.collector.smb-sources.bench.path", ROOT,
                    "aclens.collector.smb-sources.bench.username", EmbeddedSamba.SERVICE,
                    "aclens.collector.smb-sources.bench.password", EmbeddedSamba.PASSWORD,
                    "aclens.collector.smb-sources.bench.parallelism", Integer.toString(parallelism),
                    "aclens.collector.smb-sources.bench.connections", Integer.toString(connections));
            Path dataDir = data.toAbsolutePath();
            Files.createDirectories(dataDir);
            String run = "stack-" + System.currentTimeMillis();
            System.out.println("SMB scanning: the collector alone reads the share and publishes every folder to Kafka (acks=all)");
            try (Stack stack = Stack.start(stackConfig(dataDir.resolve(run + "-collector"), source).withServices(List.of(Stack.COLLECTOR)),
                    line -> System.out.println("  " + line))) {
                PipelineClient collector = new PipelineClient(stack);
                CpuMeter cpu = new CpuMeter(stack, Map.of("smbd", samba::cpuSeconds));
                for (int scan = 1; scan <= scans; scan++) {
                    Map<String, Double> cpuAtStart = cpu.read();
                    Duration took = collector.awaitCollected(collector.startSmbScan("bench"), TIMEOUT);
                    System.out.printf(Locale.ROOT, "  scan %d%s: %s = %,.0f folders/s (target >= 2,000; %d folders in flight over %d connections)%n",
                            scan, label(scan), Stack.seconds(took), rate(took), parallelism, connections);
                    System.out.println("    CPU seconds: " + cpu.usedSince(cpuAtStart));
                }
                System.out.println("  peak memory (RSS, MiB): " + stack.peakMemoryMib());
            }
            System.out.println("Pipeline: the four services on this machine, from scan start to snapshot committed");
            try (Stack stack = Stack.start(stackConfig(dataDir.resolve(run + "-pipeline"), source), line -> System.out.println("  " + line))) {
                PipelineClient pipeline = new PipelineClient(stack);
                CpuMeter cpu = new CpuMeter(stack, Map.of("smbd", samba::cpuSeconds));
                for (int scan = 1; scan <= scans; scan++) {
                    Map<String, Double> cpuAtStart = cpu.read();
                    Instant start = Instant.now();
                    ScanView committed = pipeline.awaitCommitted(pipeline.startSmbScan("bench"), TIMEOUT);
                    Duration took = Duration.between(start, Instant.now());
                    checkSnapshot(pipeline, committed);
                    System.out.printf(Locale.ROOT, "  scan %d%s: %s = %,.0f folders/s%n", scan, label(scan), Stack.seconds(took), rate(took));
                    System.out.println("    CPU seconds: " + cpu.usedSince(cpuAtStart));
                }
                System.out.println("  peak memory (RSS, MiB): " + stack.peakMemoryMib());
            }
        }
        return 0;
    }

    /**
     * Gives every folder of the generated tree the NT ACL it would have had, had it been created over SMB as on any
     * Windows share: Samba keeps it in the {@code security.NTACL} attribute, so the one of a folder created over SMB
     * is copied to the others (creating 20,000 folders over SMB, or propagating with smbcacls, takes minutes).
     */
    private static void inheritNtAcl(EmbeddedSamba samba) throws IOException {
        samba.smbcacls(ROOT, "-a", "ACL:S-1-22-1-0:ALLOWED/OI|CI/FULL,ACL:" + EmbeddedSamba.groupSid(GROUP) + ":ALLOWED/OI|CI/CHANGE,ACL:"
                + EmbeddedSamba.userSid(EmbeddedSamba.SERVICE) + ":ALLOWED/OI|CI/READ");
        samba.mkdirOverSmb(ROOT + "\\template");
        Path root = samba.shareDir().resolve(ROOT);
        Path template = root.resolve("template");
        byte[] ntAcl = ExtendedAttributes.read(template, NT_ACL_ATTRIBUTE)
                .orElseThrow(() -> new IllegalStateException("Samba kept no " + NT_ACL_ATTRIBUTE + " for a folder created over SMB"));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(template);
        Files.delete(template);
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path folder : (Iterable<Path>) tree.filter(path -> !path.equals(root))::iterator) {
                ExtendedAttributes.write(folder, NT_ACL_ATTRIBUTE, ntAcl);
                Files.setPosixFilePermissions(folder, mode);
            }
        }
    }

    private static StackConfig stackConfig(Path dataDir, Map<String, String> source) {
        return StackConfig.of(Aclens.home(), dataDir, true).withCollectorProperties(source);
    }

    /** Every folder is in the snapshot, and what was read is the stored NT ACL (with the inherited group entry), not one Samba made up. */
    private void checkSnapshot(PipelineClient pipeline, ScanView committed) {
        if (committed.expectedFolders() != folders) {
            throw new IllegalStateException("Expected " + folders + " folders, the snapshot has " + committed.expectedFolders());
        }
        String group = EmbeddedSamba.groupSid(GROUP);
        for (FolderView folder : pipeline.folders(committed.snapshotId(), 100).items()) {
            if (folder.sddl() == null || !folder.sddl().contains(group)) {
                throw new IllegalStateException(folder.path() + " was read without its inherited NT ACL: " + folder.sddl());
            }
        }
    }

    private double rate(Duration took) {
        return folders / (took.toMillis() / 1000.0);
    }

    private static String label(int scan) {
        return scan == 1 ? " (services just started: cold JIT)" : " (unchanged rescan, warm JIT)";
    }
}
