package io.aclens.cli.stack;

import io.aclens.contracts.Topics;
import io.aclens.embedded.EmbeddedKafkaBroker;
import io.aclens.embedded.EmbeddedPostgresServer;
import io.aclens.embedded.EmbeddedSmtpServer;
import io.aclens.embedded.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole ACLens pipeline on one machine: a real Kafka broker and an SMTP server (in this JVM), PostgreSQL (embedded
 * unless a database is configured), the four services and the API gateway as child JVMs, configured with the keys docker-compose uses.
 */
public final class Stack implements AutoCloseable {
    public static final String COLLECTOR = "collector-service";
    public static final String REPORT = "report-service";
    public static final List<String> SERVICES = List.of(COLLECTOR, "snapshot-service", "diff-service", REPORT);
    /** Where the services send spans (OTLP), as Quarkus reads it from the environment they inherit. */
    public static final String OTLP_ENDPOINT = "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT";
    /** The one base URL of the API: routes /api/v1 to the services started, serves the merged OpenAPI document. */
    public static final String GATEWAY = "api-gateway";
    private static final String GATEWAY_HEAP = "128m";
    /** The web console: pages over the gateway's API, signed in with accounts it keeps in the database. */
    public static final String CONSOLE = "web-console";
    private static final String CONSOLE_HEAP = "192m";

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** How each service was started, so a second instance starts the same way. */
    private final Map<String, Map<String, String>> serviceProperties = new LinkedHashMap<>();
    private StackConfig config;
    private Path logs;
    private final Thread stopOnExit = new Thread(this::close, "aclens-stop");
    private EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;
    private EmbeddedSmtpServer smtp;
    private StackTokens tokens;

    private Stack() {
    }

    /** Starts everything; {@code progress} hears one line per part started. */
    public static Stack start(StackConfig config, Consumer<String> progress) {
        Stack stack = new Stack();
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit); // Ctrl-C or kill stops the child processes too
        try {
            stack.startAll(config, progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackConfig config, Consumer<String> progress) {
        this.config = config;
        Instant t0 = Instant.now();
        tokens = StackTokens.open(config.dataDir().resolve("auth"));
        kafka = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        started.add(kafka);
        kafka.createTopics(Topics.ALL);
        progress.accept("Kafka broker (KRaft) at " + kafka.bootstrapServers() + " in " + seconds(Duration.between(t0, Instant.now())));

        Map<String, String> database = startDatabase(config, progress);
        smtp = EmbeddedSmtpServer.start(config.firstServicePort() == 0 ? 0 : config.firstServicePort() - 56); // 18025 in the demo
        started.add(smtp);
        progress.accept("SMTP server (GreenMail) on port " + smtp.port() + ": the report service delivers packages to it");

        Instant t2 = Instant.now();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            ports.put(SERVICES.get(i), config.firstServicePort() == 0 ? FreePorts.next() : config.firstServicePort() + i);
        }
        int gatewayPort = config.firstServicePort() == 0 ? FreePorts.next() : config.firstServicePort() - 1;
        logs = config.dataDir().resolve("logs");
        for (String service : config.services()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            properties.putAll(database);
            if (service.equals(REPORT)) {
                properties.put("quarkus.mailer.host", "127.0.0.1");
                properties.put("quarkus.mailer.port", String.valueOf(smtp.port()));
                properties.put("quarkus.mailer.start-tls", "DISABLED");
                properties.put("aclens.report.delivery-poll", "1s");
                properties.put("aclens.report.public-url", "http://127.0.0.1:" + gatewayPort);
            }
            if (service.equals(COLLECTOR)) {
                properties.putAll(config.collectorProperties());
                properties.put("aclens.collector.secret-key-file", tokens.collectorSecretKey().toString());
            }
            properties.put("aclens.auth.public-key", tokens.publicKey().toString());
            properties.put("aclens.auth.service-token", tokens.serviceToken());
            properties.put("aclens.auth.revoked-tokens", tokens.revokedTokens().toString());
            properties.put("quarkus.rest-client.snapshot-service.url", "http://127.0.0.1:" + ports.get("snapshot-service"));
            properties.put("quarkus.rest-client.diff-service.url", "http://127.0.0.1:" + ports.get("diff-service"));
            if (System.getenv(OTLP_ENDPOINT) == null) {
                // nowhere to send spans: start no sampled traces (a caller's sampled one is still followed), so the
                // services do not try an OTLP collector that is not there; trace ids still travel with calls and events
                properties.put("quarkus.otel.traces.sampler.arg", "0");
            }
            serviceProperties.put(service, Map.copyOf(properties));
            ServiceProcess process = ServiceProcess.start(service, jar(service), ports.get(service), config.serviceHeap(), properties, logs);
            started.add(process);
            services.put(service, process);
        }
        CompletableFuture.allOf(services.values().stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3)))).toArray(CompletableFuture[]::new)).join();
        progress.accept(services.size() + " service" + (services.size() == 1 ? "" : "s") + " ready in " + seconds(Duration.between(t2, Instant.now())) + " (logs in " + logs + ")");
        startGateway(gatewayPort, logs, progress);
        if (services.keySet().containsAll(SERVICES)) {
            startConsole(config.consolePort() == 0 ? FreePorts.next() : config.consolePort(), database, logs, progress);
        }
    }

    /** Ready once its accounts table is migrated; it reads everything else through the gateway, as the signed-in user. */
    private void startConsole(int port, Map<String, String> database, Path logs, Consumer<String> progress) {
        Instant t4 = Instant.now();
        Map<String, String> properties = new LinkedHashMap<>(database);
        properties.put("aclens.console.api-url", url(GATEWAY));
        properties.put("aclens.console.public-url", "http://127.0.0.1:" + port);
        properties.put("aclens.console.signing-key", tokens.privateKey().toString());
        properties.put("aclens.auth.public-key", tokens.publicKey().toString());
        properties.put("quarkus.http.auth.session.encryption-key", tokens.consoleSessionKey());
        properties.putAll(config.consoleProperties());
        ServiceProcess console = startReadyWithin(CONSOLE, port, CONSOLE_HEAP, properties, logs);
        progress.accept("Web console at " + console.baseUrl() + " in " + seconds(Duration.between(t4, Instant.now())));
    }

    /** The web console's address, or null when this stack has none (a benchmark of some services only). */
    public String consoleUrl() {
        ServiceProcess console = services.get(CONSOLE);
        return console == null ? null : console.baseUrl();
    }

    /** Ready only once it has read every started service's OpenAPI document and found no path claimed twice. */
    private void startGateway(int port, Path logs, Consumer<String> progress) {
        Instant t3 = Instant.now();
        Map<String, String> properties = new LinkedHashMap<>();
        services.forEach((name, process) -> properties.put("aclens.gateway.upstreams." + name, process.baseUrl()));
        ServiceProcess gateway = startReadyWithin(GATEWAY, port, GATEWAY_HEAP, properties, logs);
        progress.accept("API gateway at " + gateway.baseUrl() + "/api/v1 in " + seconds(Duration.between(t3, Instant.now())));
    }

    /** Starts one of the parts in front of the services (the gateway, the console) and waits a minute for it to be ready. */
    private ServiceProcess startReadyWithin(String name, int port, String heap, Map<String, String> properties, Path logs) {
        ServiceProcess process = ServiceProcess.start(name, jar(name), port, heap, properties, logs);
        started.add(process);
        services.put(name, process);
        process.awaitReady(Duration.ofMinutes(1));
        return process;
    }

    /** The configured database, or embedded PostgreSQL started now; returns the services' datasource settings. */
    private Map<String, String> startDatabase(StackConfig config, Consumer<String> progress) {
        Instant t1 = Instant.now();
        Map<String, String> database = new LinkedHashMap<>();
        if (config.database().isPresent()) {
            StackConfig.ExternalDatabase external = config.database().get();
            database.put("quarkus.datasource.jdbc.url", external.jdbcUrl());
            database.put("quarkus.datasource.reactive.url", external.jdbcUrl().replaceFirst("^jdbc:", ""));
            database.put("quarkus.datasource.username", external.user());
            database.put("quarkus.datasource.password", external.password());
            progress.accept("PostgreSQL: using the configured database " + external.jdbcUrl());
        } else {
            postgres = EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort());
            started.add(postgres);
            database.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            database.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
            database.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            database.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
            progress.accept("PostgreSQL (embedded) on port " + postgres.port() + " in " + seconds(Duration.between(t1, Instant.now())));
        }
        return database;
    }

    /** The SMTP server the report service delivers to, with what it received. */
    public EmbeddedSmtpServer smtp() {
        return smtp;
    }

    /** The MSP's key pair of this stack (kept in its data folder) and the tokens it issues. */
    public StackTokens tokens() {
        return tokens;
    }

    /**
     * The last errors each service logged, with their causes (a few lines each), for a failure message: a test's stack
     * and its logs are deleted with its temporary folder before anyone reads them.
     */
    public String recentErrors() {
        StringBuilder errors = new StringBuilder();
        for (String service : services.keySet()) {
            Path log = logs.resolve(service + ".log");
            try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
                List<String> wanted = lines.filter(line -> line.contains(" ERROR ") || line.contains(" WARN ") || line.startsWith("Caused by")
                        || line.contains("Exception:")).toList();
                if (!wanted.isEmpty()) {
                    errors.append("\n--- ").append(service).append(" (last of ").append(wanted.size()).append(" warnings and errors):\n");
                    wanted.subList(Math.max(0, wanted.size() - 12), wanted.size()).forEach(line -> errors.append(line).append('\n'));
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                errors.append("\n--- ").append(service).append(": its log cannot be read (").append(e.getMessage()).append(")");
            }
        }
        return errors.toString();
    }

    /** The broker and the database as fault-injection targets, beside the services. */
    public static final String KAFKA = "kafka-broker";
    public static final String POSTGRESQL = "postgresql";
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(5);

    /**
     * Kills a service with SIGKILL and starts it again, or restarts the broker or the (embedded) database; returns once it
     * is back.
     */
    public void killAndRestart(String service) {
        if (service.equals(KAFKA)) {
            kafka.restart();
            return;
        }
        if (service.equals(POSTGRESQL)) {
            if (postgres == null) {
                throw new IllegalStateException("PostgreSQL is not embedded in this stack: it cannot be restarted from here");
            }
            postgres.restart(DATABASE_DOWN);
            return;
        }
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " was not started in this stack");
        }
        process.killAndRestart();
        process.awaitReady(Duration.ofMinutes(3));
    }

    /**
     * Starts one more instance of a service, configured as the first (same broker, database and consumer groups), as a
     * second replica in a deployment would be; it is named {@code <service>-<n>} and answers on its own port, outside the
     * gateway's routes (its consumers and schedules are what a replica adds). Returns once it is ready.
     */
    public synchronized String startReplica(String service) {
        Map<String, String> properties = serviceProperties.get(service);
        if (properties == null) {
            throw new IllegalStateException(service + " was not started in this stack");
        }
        int instance = 2;
        while (services.containsKey(service + "-" + instance)) {
            instance++;
        }
        String name = service + "-" + instance;
        ServiceProcess process = ServiceProcess.start(name, jar(service), FreePorts.next(), config.serviceHeap(), properties, logs);
        started.add(process);
        services.put(name, process);
        process.awaitReady(Duration.ofMinutes(3));
        return name;
    }

    /** Kills an instance with SIGKILL, as a crash or the OOM killer would, and leaves it down. */
    public void kill(String instance) {
        ServiceProcess process = services.get(instance);
        if (process == null) {
            throw new IllegalStateException(instance + " was not started in this stack");
        }
        process.kill();
    }

    private Path jar(String service) {
        return config.home().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where the stack's broker listens, for tools that talk to Kafka itself (dead-letter replay, tests). */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The base URL every API call can use: the gateway's. */
    public String apiUrl() {
        return url(GATEWAY);
    }

    public String url(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " was not started in this stack");
        }
        return process.baseUrl();
    }

    /** Peak RSS in MiB of each service, of this JVM (the command with the Kafka broker) and of PostgreSQL's postmaster. */
    public Map<String, Long> peakMemoryMib() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        services.forEach((name, process) -> peaks.put(name, process.peakRssMib()));
        peaks.put("aclens command + kafka broker", ProcessMemory.peakRssMib(ProcessHandle.current().pid()));
        return peaks;
    }

    /** CPU seconds used so far by each service, by this JVM (with the Kafka broker) and by PostgreSQL's processes. */
    public Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        services.forEach((name, process) -> cpu.put(name, process.cpuSeconds()));
        cpu.put("aclens command + kafka broker", ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0));
        if (postgres != null) {
            cpu.put("postgresql", ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0)).sum());
        }
        return cpu;
    }

    /**
     * CPU seconds the JIT compiler threads of the services and of this JVM (the broker's) used so far: how much of the
     * stack's work is still compiling code rather than running it.
     */
    public double jitCompilerCpuSeconds() {
        return services.values().stream().mapToDouble(ServiceProcess::jitCompilerCpuSeconds).sum()
                + ProcessThreads.cpuSeconds(ProcessHandle.current().pid(), ProcessThreads.JIT_COMPILERS);
    }

    @Override
    public synchronized void close() {
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: closing here as well is harmless
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    public static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
