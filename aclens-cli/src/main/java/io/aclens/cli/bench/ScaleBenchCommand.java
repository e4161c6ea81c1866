package io.aclens.cli.bench;

import io.aclens.access.PosixAcl;
import io.aclens.auth.Roles;
import io.aclens.cli.Aclens;
import io.aclens.cli.files.Folders;
import io.aclens.cli.stack.ConsoleClient;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.ConsoleInvitationRequest;
import io.aclens.contracts.api.DirectoryRegistration;
import io.aclens.contracts.api.DirectorySettings;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A large client through the real services: its tree and people generated, scanned and synced through the pipeline, then
 * questioned from outside by several callers at once while another client's scans run, as an MSP's integrations would.
 */
@Command(name = "bench-scale", mixinStandardHelpOptions = true,
        description = {"A synthetic client (default: 1,000,000 folders whose ACLs are 2,000 distinct ones naming 1,500 people and 300 groups)",
                "loaded through the pipeline; prints the time from snapshot committed to the first answer, p50/p99 of cell queries and of",
                "\"what can X access\" (first page) under concurrent callers while another client is being scanned, the workbook's",
                "build time and every service's peak RSS. ACLENS_SERVICE_HEAP sets the services' heap (default 512m)."})
public final class ScaleBenchCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final String CLIENT = "scale";
    private static final String BUSY_CLIENT = "scale-busy";
    private static final int FIRST_UID = 30_000;
    private static final int FIRST_GID = 40_000;

    @Option(names = "--folders", defaultValue = "1000000", description = "Folders of the large client (default: ${DEFAULT-VALUE}).")
    int folders;
    @Option(names = "--acls", defaultValue = "2000", description = "Distinct ACLs its folders carry (default: ${DEFAULT-VALUE}).")
    int acls;
    @Option(names = "--people", defaultValue = "1500", description = "People in its directory (default: ${DEFAULT-VALUE}).")
    int people;
    @Option(names = "--groups", defaultValue = "300", description = "Groups, each person in one to three (default: ${DEFAULT-VALUE}).")
    int groups;
    @Option(names = "--acl-ratio", defaultValue = "0.05", description = "Share of folders given an ACL of their own (default: ${DEFAULT-VALUE}).")
    double aclRatio;
    @Option(names = "--callers", defaultValue = "8", description = "Concurrent callers (default: ${DEFAULT-VALUE}).")
    int callers;
    @Option(names = "--queries", defaultValue = "500", description = "Queries of each kind per caller (default: ${DEFAULT-VALUE}).")
    int queries;
    @Option(names = "--warm-up", defaultValue = "1500",
            description = "Queries of each kind per caller first, reported apart: the services' JIT compiles the query path (default: ${DEFAULT-VALUE}).")
    int warmUp;
    @Option(names = "--busy-folders", defaultValue = "20000",
            description = "Folders of another client scanned again and again while the queries run; 0: none (default: ${DEFAULT-VALUE}).")
    int busyFolders;
    @Option(names = "--data", defaultValue = ".aclens-bench-scale", description = "Scratch folder, emptied first (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path dataDir = data.toAbsolutePath();
        Folders.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Instant t0 = Instant.now();
        Path passwd = Files.writeString(dataDir.resolve("passwd"), passwd(), StandardCharsets.UTF_8);
        Path group = Files.writeString(dataDir.resolve("group"), group(new SplittableRandom(7)), StandardCharsets.UTF_8);
        Path tree = dataDir.resolve("tree");
        int withAcl = TreeGenerator.generate(tree, folders, aclRatio, 42, pool(new SplittableRandom(11)));
        Path busyTree = dataDir.resolve("busy");
        if (busyFolders > 0) {
            TreeGenerator.generate(busyTree, busyFolders, aclRatio, 43, pool(new SplittableRandom(13)));
        }
        System.out.printf(Locale.ROOT, "generated: %,d folders (%,d with an ACL from %,d distinct), %,d people in %,d groups, in %s%n", folders,
                withAcl, acls, people, groups, Stack.seconds(Duration.between(t0, Instant.now())));

        try (Stack stack = Stack.start(StackConfig.of(Aclens.home(), dataDir.resolve("stack"), true), line -> System.out.println("  " + line))) {
            PipelineClient pipeline = new PipelineClient(stack);
            register(pipeline, CLIENT, tree, passwd, group);
            pipeline.awaitDirectoryDiffed(pipeline.startRegisteredSync(CLIENT, "people"), TIMEOUT);
            Instant start = Instant.now();
            ScanView committed = pipeline.awaitCommitted(pipeline.startRegisteredScans(CLIENT, "tree").get(0), TIMEOUT);
            Instant committedAt = Instant.now();
            System.out.printf(Locale.ROOT, "scan start -> snapshot committed: %s (%,.0f folders/s)%n", Stack.seconds(Duration.between(start, committedAt)),
                    folders / Math.max(0.001, Duration.between(start, committedAt).toMillis() / 1000.0));
            pipeline.awaitChangeSet(committed.snapshotId(), TIMEOUT);
            pipeline.awaitReportable(CLIENT, committed.sourceId(), committed.snapshotId(), TIMEOUT);
            List<String> paths = pipeline.folders(committed.snapshotId(), 5000).items().stream().map(FolderView::path).toList();
            pipeline.access(CLIENT, login(0), paths.get(0));
            System.out.printf(Locale.ROOT, "snapshot committed -> diffed -> first answer (read model loaded): %s%n",
                    Stack.seconds(Duration.between(committedAt, Instant.now())));

            Latencies alone = new Latencies();
            SplittableRandom oneCaller = new SplittableRandom(99);
            for (int q = 0; q < queries; q++) {
                String who = login(oneCaller.nextInt(people));
                String path = paths.get(oneCaller.nextInt(paths.size()));
                alone.time(() -> pipeline.access(CLIENT, who, path));
            }
            System.out.println("one caller, cell query:  " + alone.summary());
            consoleMatrix(stack);

            AtomicBoolean querying = new AtomicBoolean(true);
            AtomicInteger busyCommitted = new AtomicInteger();
            Thread busy = busyFolders > 0 ? busyScans(pipeline, busyTree, passwd, group, querying, busyCommitted) : null;
            String whileBusy = busy == null ? "" : ", while " + BUSY_CLIENT + "'s " + busyFolders + " folders were scanned again and again";
            if (warmUp > 0) {
                Round first = round(pipeline, paths, warmUp, 1000);
                System.out.printf(Locale.ROOT, "warm-up: %d callers at once, %d queries each%s (the services' first minute: JIT compiling):%n",
                        callers, warmUp * 2, whileBusy);
                first.print();
            }
            CpuMeter cpu = new CpuMeter(stack, java.util.Map.of());
            java.util.Map<String, Double> cpuBefore = cpu.read();
            Instant queriesStart = Instant.now();
            int busyBefore = busyCommitted.get();
            Round measured = round(pipeline, paths, queries, 100);
            int busyDuring = busyCommitted.get() - busyBefore;
            Duration measuredFor = Duration.between(queriesStart, Instant.now());
            java.util.Map<String, String> cpuUsed = cpu.usedSince(cpuBefore);
            querying.set(false);
            if (busy != null) {
                busy.join();
            }
            System.out.printf(Locale.ROOT, "%d callers at once, %d queries each%s:%n", callers, queries * 2, whileBusy);
            measured.print();
            if (busy != null) {
                System.out.printf(Locale.ROOT, "  %s: %d scans of %,d folders committed meanwhile (%,.0f folders/s; its scan threads at the collector's scan-nice)%n",
                        BUSY_CLIENT, busyDuring, busyFolders, (double) busyDuring * busyFolders / Math.max(0.001, measuredFor.toMillis() / 1000.0));
            }
            System.out.println("  CPU seconds used in those " + Stack.seconds(measuredFor) + " (aclens command: the callers): " + cpuUsed);

            Instant reportStart = Instant.now();
            byte[] workbook = pipeline.report(CLIENT, true);
            System.out.printf(Locale.ROOT, "workbook: %,d bytes built and downloaded in %s (target <= 60 s)%n", workbook.length,
                    Stack.seconds(Duration.between(reportStart, Instant.now())));
            System.out.println("peak memory (RSS, MiB): " + stack.peakMemoryMib());
        }
        return 0;
    }

    /**
     * The web console as a client manager sees the million folders: the first matrix page (the folder tree is built on the
     * first request), then folders opened one after another, breadth first, as someone clicking through would.
     */
    private static void consoleMatrix(Stack stack) {
        ConsoleClient console = new ConsoleClient(stack.consoleUrl());
        String manager = "manager@" + CLIENT + ".bench";
        String password = "bench password 2026";
        console.ensureAccount(stack.tokens().operatorToken(),
                new ConsoleInvitationRequest(manager, "Scale manager", Roles.CLIENT_VIEWER, List.of(CLIENT), "en"), password);
        console.signIn(manager, password);
        Instant start = Instant.now();
        String firstPage = console.page("/clients/" + CLIENT + "/matrix");
        System.out.println("web console, first matrix page (top folders x 40 people; the tree of differing folders built): "
                + Stack.seconds(Duration.between(start, Instant.now())));
        Latencies openings = new Latencies();
        java.util.ArrayDeque<String> toOpen = new java.util.ArrayDeque<>(openLinks(firstPage));
        AtomicInteger rows = new AtomicInteger();
        while (!toOpen.isEmpty() && openings.count() < 50) {
            String link = toOpen.poll();
            openings.time(() -> {
                String opened = console.page(link);
                rows.addAndGet(opened.split("<tr data-path=", -1).length - 1);
                toOpen.addAll(openLinks(opened));
            });
        }
        System.out.printf(Locale.ROOT, "web console, opening a folder (%.0f subfolders shown on average): %s%n",
                (double) rows.get() / Math.max(1, openings.count()), openings.summary());
    }

    /** The links that open a folder of a matrix page, in page order. */
    private static List<String> openLinks(String html) {
        List<String> links = new ArrayList<>();
        java.util.regex.Matcher open = java.util.regex.Pattern.compile("class=\"open\"[^>]*hx-get=\"([^\"]+)\"").matcher(html);
        while (open.find()) {
            links.add(open.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** Latencies of the callers' queries in one round: each caller asks {@code perCaller} cells and as many first pages. */
    private record Round(Latencies cells, Latencies persons, double foldersPerPage) {
        void print() {
            System.out.println("  cell query (one person, one folder, with reasons):  " + cells.summary() + "  (target p99 <= 50 ms)");
            System.out.println("  what can X access (first page, reasons):           " + persons.summary() + "  (target p99 <= 200 ms)");
            System.out.printf(Locale.ROOT, "  folders listed per first page: %.0f on average%n", foldersPerPage);
        }
    }

    private Round round(PipelineClient pipeline, List<String> paths, int perCaller, int seed) throws Exception {
        Latencies cells = new Latencies();
        Latencies persons = new Latencies();
        AtomicInteger reached = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                SplittableRandom random = new SplittableRandom(seed + c);
                running.add(pool.submit(() -> {
                    for (int q = 0; q < perCaller; q++) {
                        String who = login(random.nextInt(people));
                        String path = paths.get(random.nextInt(paths.size()));
                        cells.time(() -> pipeline.access(CLIENT, who, path));
                        persons.time(() -> reached.addAndGet(pipeline.personAccess(CLIENT, who, "READ").items().size()));
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Round(cells, persons, (double) reached.get() / Math.max(1, callers * perCaller));
    }

    private static void register(PipelineClient pipeline, String clientId, Path tree, Path passwd, Path group) {
        pipeline.onboard(new ClientRegistration(clientId, "Benchmark " + clientId));
        pipeline.registerDirectory(clientId, "people", new DirectoryRegistration("local:" + clientId, null, null,
                new DirectorySettings.Local(DirectorySettings.LOCAL, passwd.toString(), group.toString(), null)));
        pipeline.registerSource(clientId, "tree", new SourceRegistration(clientId + ":tree", null, null,
                new SourceSettings.LinuxTree(SourceSettings.LINUX, tree.toString(), null, passwd.toString(), group.toString())));
    }

    /** Another client scanned again and again until the queries are done: the load an MSP's other clients put on the services. */
    private static Thread busyScans(PipelineClient pipeline, Path tree, Path passwd, Path group, AtomicBoolean querying, AtomicInteger committed) {
        register(pipeline, BUSY_CLIENT, tree, passwd, group);
        Thread busy = new Thread(() -> {
            while (querying.get()) {
                pipeline.awaitCommitted(pipeline.startRegisteredScans(BUSY_CLIENT, "tree").get(0), TIMEOUT);
                committed.incrementAndGet();
            }
        }, "busy-client-scans");
        busy.start();
        return busy;
    }

    private String passwd() {
        StringBuilder lines = new StringBuilder();
        for (int p = 0; p < people; p++) {
            lines.append(login(p)).append(":x:").append(FIRST_UID + p).append(':').append(FIRST_GID)
                    .append(":Person ").append(p).append(",Department ").append(p % 12).append(",,:/home/").append(login(p)).append(":/bin/sh\n");
        }
        return lines.toString();
    }

    /** Group 0 holds everybody (their primary group); every person is also in one to three of the others. */
    private String group(SplittableRandom random) {
        List<List<String>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int p = 0; p < people; p++) {
            members.get(0).add(login(p));
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                members.get(1 + random.nextInt(groups - 1)).add(login(p));
            }
        }
        StringBuilder lines = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            lines.append("group").append(g).append(":x:").append(FIRST_GID + g).append(':')
                    .append(String.join(",", members.get(g).stream().distinct().toList())).append('\n');
        }
        return lines.toString();
    }

    /** The client's distinct ACLs: each names a person and a group. */
    private List<PosixAcl> pool(SplittableRandom random) {
        String[] perms = {"r-x", "rwx", "r--"};
        List<PosixAcl> pool = new ArrayList<>();
        for (int a = 0; a < acls; a++) {
            pool.add(PosixAcl.parseText("u::rwx,g::r-x,u:" + (FIRST_UID + random.nextInt(people)) + ":" + perms[random.nextInt(3)]
                    + ",g:" + (FIRST_GID + 1 + random.nextInt(groups - 1)) + ":" + perms[random.nextInt(3)] + ",m::rwx,o::---"));
        }
        return pool;
    }

    private static String login(int person) {
        return String.format(Locale.ROOT, "p%05d", person);
    }

    /** Latencies of one kind of query, as callers outside the services see them. */
    private static final class Latencies {
        private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

        void time(Runnable query) {
            long start = System.nanoTime();
            query.run();
            nanos.add(System.nanoTime() - start);
        }

        int count() {
            return nanos.size();
        }

        String summary() {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d queries)", percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, sorted.size());
        }

        private static double percentile(List<Long> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }
}
