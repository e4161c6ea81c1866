package io.aclens.cli.bench;

import io.aclens.access.PosixRights;
import io.aclens.posix.FolderTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The collector's walk alone, without the services: {@link FolderTree} reading each folder's owner, mode and ACLs and
 * {@link PosixRights} mapping them onto ACEs, as a scan does before it batches and sends. Tells the walk's own pace from
 * what the pipeline around it costs, in seconds instead of the pipeline bench's minutes.
 */
final class WalkBench {
    private static final int RUNS = 5;

    private WalkBench() {
    }

    /** Walks the tree {@link #RUNS} times in each thread count, prints every time and the median against getfacl's. */
    static void run(Path tree, int folders, Duration getfaclNumeric) throws IOException {
        for (int threads : new int[] {1, 2}) {
            List<Duration> times = new ArrayList<>();
            long listed = 0;
            for (int run = 0; run < RUNS; run++) {
                Walked walked = walk(tree, threads, folders);
                times.add(walked.took());
                listed = walked.listed();
            }
            List<Duration> sorted = times.stream().sorted().toList();
            Duration median = sorted.get(RUNS / 2);
            System.out.printf(Locale.ROOT, "walk alone, %d thread(s): %s (median of %s)%s%n", threads, seconds(median),
                    times.stream().map(WalkBench::seconds).toList(), getfaclNumeric == null ? ""
                            : String.format(Locale.ROOT, " = %.2fx getfacl -R -p -n", (double) median.toMillis() / Math.max(1, getfaclNumeric.toMillis())));
            System.out.printf(Locale.ROOT, "  (%,d of the %,d folders listed: the others' link counts say they have no subfolders)%n", listed, folders);
        }
    }

    private record Walked(Duration took, long listed) {
    }

    /** To the hundredth: a walk takes about a second. */
    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    private static Walked walk(Path tree, int threads, int folders) throws IOException {
        LongAdder found = new LongAdder();
        LongAdder aces = new LongAdder();
        Instant start = Instant.now();
        long listed = FolderTree.walk(tree, Integer.MAX_VALUE, threads, new FolderTree.Visitor() {
            @Override
            public void folder(FolderTree.Folder folder) {
                found.increment();
                FolderTree.Security security = folder.security();
                if (security != null) {
                    aces.add(PosixRights.toAces(security.uid(), security.gid(), security.mode(), security.accessAcl(), security.defaultAcl()).size());
                }
            }

            @Override
            public void listingStopped(String path, String reason) {
                throw new IllegalStateException("Listing " + path + " stopped: " + reason);
            }
        });
        Duration took = Duration.between(start, Instant.now());
        if (found.sum() != folders || aces.sum() == 0) {
            throw new IllegalStateException("The walk found " + found.sum() + " folders (" + aces.sum() + " ACEs), not " + folders);
        }
        return new Walked(took, listed);
    }
}
