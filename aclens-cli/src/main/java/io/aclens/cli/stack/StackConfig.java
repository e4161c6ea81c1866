package io.aclens.cli.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the stack keeps its data and which ports it uses. A configured database
 * (ACLENS_DB_JDBC_URL, ACLENS_DB_USER, ACLENS_DB_PASSWORD) replaces the embedded PostgreSQL.
 *
 * @param home    the ACLens checkout, whose module folders hold the packaged services
 * @param dataDir Kafka log, PostgreSQL cluster and service logs; kept between runs
 * @param services which of {@link Stack#SERVICES} to start (all but for benchmarks of one part)
 * @param consoleProperties extra settings for the web console
 */
public record StackConfig(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, int firstServicePort,
                          String serviceHeap, Optional<ExternalDatabase> database, java.util.Map<String, String> collectorProperties,
                          java.util.List<String> services, java.util.Map<String, String> consoleProperties) {

    public record ExternalDatabase(String jdbcUrl, String user, String password) {
    }

    /** The demo's fixed ports (so state kept in the data directory stays valid), or free ones with {@code dynamicPorts}. */
    public static StackConfig of(Path home, Path dataDir, boolean dynamicPorts) {
        String url = System.getenv("ACLENS_DB_JDBC_URL");
        Optional<ExternalDatabase> database = url == null || url.isBlank() ? Optional.empty()
                : Optional.of(new ExternalDatabase(url, System.getenv().getOrDefault("ACLENS_DB_USER", "postgres"),
                System.getenv().getOrDefault("ACLENS_DB_PASSWORD", "")));
        String heap = System.getenv().getOrDefault("ACLENS_SERVICE_HEAP", "512m");
        return dynamicPorts ? new StackConfig(home, dataDir, 0, 0, 0, 0, heap, database, java.util.Map.of(), Stack.SERVICES, java.util.Map.of())
                : new StackConfig(home, dataDir, 19092, 19093, 15432, 18081, heap, database, java.util.Map.of(), Stack.SERVICES, java.util.Map.of());
    }

    /** The same stack with extra settings for the collector (e.g. an SMB source to scan). */
    public StackConfig withCollectorProperties(java.util.Map<String, String> properties) {
        return new StackConfig(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, firstServicePort, serviceHeap, database, properties,
                services, consoleProperties);
    }

    /** The same stack with extra settings for the web console (e.g. single sign-on through an identity provider). */
    public StackConfig withConsoleProperties(java.util.Map<String, String> properties) {
        return new StackConfig(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, firstServicePort, serviceHeap, database,
                collectorProperties, services, properties);
    }

    /** Where the web console listens: after the services and the gateway, or a free port with dynamic ports. */
    public int consolePort() {
        return firstServicePort == 0 ? 0 : firstServicePort + Stack.SERVICES.size();
    }

    /** The same stack starting only some of the services. */
    public StackConfig withServices(java.util.List<String> only) {
        if (!Stack.SERVICES.containsAll(only)) {
            throw new IllegalArgumentException("Unknown service among " + only + "; known: " + Stack.SERVICES);
        }
        return new StackConfig(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, firstServicePort, serviceHeap, database,
                collectorProperties, java.util.List.copyOf(only), consoleProperties);
    }
}
