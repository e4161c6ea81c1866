package io.aclens.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Real PostgreSQL binaries (zonky) run as a child process. With a data directory that already holds a
 * cluster, the cluster is reused, so state survives between demo runs.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * @param dataDir the cluster's directory, or {@code null} for a throw-away one
     * @param port    0 for a free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return new EmbeddedPostgresServer(launch(dataDir, port == 0 ? FreePorts.next() : port), dataDir);
    }

    private static EmbeddedPostgres launch(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off".equals(System.getProperty("aclens.pg.fsync")) ? "off" : "on");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * Stops the server and starts it again on the same port and cluster, as a restarted database would come back;
     * {@code down} is how long it stays away. Only a cluster kept in a directory of its own can come back with its data.
     */
    public synchronized void restart(java.time.Duration down) {
        if (dataDir == null) {
            throw new IllegalStateException("A throw-away cluster cannot be restarted with its data");
        }
        int port = port();
        close();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while PostgreSQL was down", e);
        }
        postgres = launch(dataDir, port);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
        }
    }
}
