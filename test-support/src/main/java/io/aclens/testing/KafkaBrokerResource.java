package io.aclens.testing;

import io.aclens.contracts.Topics;
import io.aclens.embedded.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Starts one real KRaft broker per test JVM, with ACLens' topics, and points the service at it. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedKafkaBroker broker;

    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            try {
                broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("aclens-kafka-"), 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker.createTopics(Topics.ALL);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
