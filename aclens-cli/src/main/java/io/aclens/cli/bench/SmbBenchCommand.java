package io.aclens.cli.bench;

import io.aclens.cli.Aclens;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.ScanView;
import io.aclens.embedded.EmbeddedSamba;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-smb", mixinStandardHelpOptions = true,
        description = {"Serves a generated share with a real Samba server on 127.0.0.1:445 and measures scanning it over SMB",
                "through the pipeline (target: at least 2,000 folders/s). Needs root and Debian's samba and smbclient packages."})
public final class SmbBenchCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    @Option(names = "--folders", defaultValue = "20000", description = "Folders in the share (default: ${DEFAULT-VALUE}).")
    int folders;

    @Option(names = "--parallelism", defaultValue = "32", description = "SMB requests in flight (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--connections", defaultValue = "8", description = "SMB connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--data", defaultValue = ".aclens-bench-smb", description = "Scratch folder for the stack (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (!"0".equals(EmbeddedSamba.exec(java.util.List.of("id", "-u")).output().strip())) {
            System.err.println("bench-smb starts smbd on port 445 and adds Unix users: run it as root");
            return 2;
        }
        try (EmbeddedSamba samba = EmbeddedSamba.start()) {
            Instant t0 = Instant.now();
            TreeGenerator.generate(samba.shareDir().resolve("bench"), folders, 0, 7);
            System.out.printf(Locale.ROOT, "share: %d folders generated in %s%n", folders, Stack.seconds(Duration.between(t0, Instant.now())));
            Map<String, String> source = Map.of("aclens.collector.smb-sources.bench.client-id", "bench",
                    "aclens.collector.smb-sources.bench.host", "127.0.0.1",
                    "aclens.collector.smb-sources.bench.share", EmbeddedSamba.SHARE,
                    "aclens.collector.smb-sources.bench.path", "bench",
                    "aclens.collector.smb-sources.bench.username", EmbeddedSamba.SERVICE,
                    "aclens.collector.smb-sources.bench.password", EmbeddedSamba.PASSWORD,
                    "aclens.collector.smb-sources.bench.parallelism", Integer.toString(parallelism),
                    "aclens.collector.smb-sources.bench.connections", Integer.toString(connections));
            Path dataDir = data.toAbsolutePath();
            Files.createDirectories(dataDir);
            try (Stack stack = Stack.start(StackConfig.of(Aclens.home(), dataDir.resolve("stack-" + System.currentTimeMillis()), true)
                    .withCollectorProperties(source), line -> System.out.println("  " + line))) {
                PipelineClient pipeline = new PipelineClient(stack);
                Instant start = Instant.now();
                String scanId = pipeline.startSmbScan("bench");
                ScanView committed = pipeline.awaitCommitted(scanId, TIMEOUT);
                Duration total = Duration.between(start, Instant.now());
                Duration collector = pipeline.collectorDuration(scanId).orElse(total);
                if (committed.expectedFolders() != folders) {
                    throw new IllegalStateException("Expected " + folders + " folders, the snapshot has " + committed.expectedFolders());
                }
                System.out.printf(Locale.ROOT, "collector, SMB read + publish: %s = %,.0f folders/s (%d requests in flight over %d connections)%n",
                        Stack.seconds(collector), folders / (collector.toMillis() / 1000.0), parallelism, connections);
                System.out.printf(Locale.ROOT, "pipeline, scan start -> snapshot committed: %s = %,.0f folders/s (target >= 2,000)%n",
                        Stack.seconds(total), folders / (total.toMillis() / 1000.0));
                System.out.println("peak memory (RSS, MiB): " + stack.peakMemoryMib());
            }
        }
        return 0;
    }
}
