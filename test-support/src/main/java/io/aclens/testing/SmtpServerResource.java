package io.aclens.testing;

import io.aclens.embedded.EmbeddedSmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the report service's mail; the test reads it through {@link #server()}. Every
 * report-service test class names the same resources, so Quarkus starts the app and the embedded broker once: a Kafka
 * broker stopped and started again in one JVM may halt it (the fork then ends with exit code 1 and no report).
 */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedSmtpServer server;

    public static EmbeddedSmtpServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = EmbeddedSmtpServer.start(0);
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(server.port()), "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
