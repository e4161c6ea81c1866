package io.aclens.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One ACLens service running as a child JVM from its packaged quarkus-app. */
public final class ServiceProcess implements AutoCloseable {
    /**
     * Stands for the service's name in {@code ACLENS_SERVICE_JVM_OPTS}, so that each writes its own file, e.g.
     * {@code -XX:StartFlightRecording=filename=/tmp/{service}.jfr} (JDK 17's JVM has no per-process file name of its own).
     */
    static final String SERVICE_NAME = "{service}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String name, int port, List<String> command, Path log) throws IOException {
        this.name = name;
        this.port = port;
        this.command = command;
        this.log = log;
        this.process = launch();
    }

    private Process launch() throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Kills the process without warning (SIGKILL, as the OOM killer or a crash would). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** Kills the process without warning, then starts it again as it was. */
    public void killAndRestart() {
        kill();
        try {
            process = launch();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " again", e);
        }
    }

    public static ServiceProcess start(String name, Path jar, int port, String heap, Map<String, String> properties, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dquarkus.http.port=" + port));
        String extraOptions = System.getenv().getOrDefault("ACLENS_SERVICE_JVM_OPTS", "").trim();
        if (!extraOptions.isEmpty()) {
            command.addAll(List.of(extraOptions.replace(SERVICE_NAME, name).split("\\s+")));
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Files.deleteIfExists(log);
            return new ServiceProcess(name, port, List.copyOf(command), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the service reports ready (Kafka, database and channels UP). */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        String lastAnswer = "it never answered";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                lastAnswer = "its readiness said " + answer.statusCode() + " " + answer.body().replaceAll("\\s+", " ");
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + " (" + lastAnswer + "); see " + log);
    }

    /** Peak resident memory of the process so far (VmHWM), in MiB; -1 when the OS does not say. */
    public long peakRssMib() {
        return ProcessMemory.peakRssMib(process.pid());
    }

    /** CPU time the process has used so far, in seconds. */
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    /** CPU time the process's JIT compiler threads have used so far, in seconds; 0 where /proc does not say. */
    public double jitCompilerCpuSeconds() {
        return ProcessThreads.cpuSeconds(process.pid(), ProcessThreads.JIT_COMPILERS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
