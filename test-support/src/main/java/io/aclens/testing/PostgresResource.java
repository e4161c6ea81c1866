package io.aclens.testing;

import io.aclens.embedded.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Real PostgreSQL for a service under test: the embedded binaries, or the server named by
 * {@code ACLENS_TEST_DB_JDBC_URL} (with {@code ACLENS_TEST_DB_USER} / {@code ACLENS_TEST_DB_PASSWORD}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgresServer postgres;

    public static synchronized Map<String, String> datasource() {
        String jdbcUrl = System.getenv("ACLENS_TEST_DB_JDBC_URL");
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", jdbcUrl,
                    "quarkus.datasource.reactive.url", jdbcUrl.replaceFirst("^jdbc:", ""),
                    "quarkus.datasource.username", System.getenv().getOrDefault("ACLENS_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("ACLENS_TEST_DB_PASSWORD", "postgres"));
        }
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
    }

    @Override
    public Map<String, String> start() {
        return datasource();
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
