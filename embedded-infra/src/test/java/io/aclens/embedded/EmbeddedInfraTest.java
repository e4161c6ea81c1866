package io.aclens.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraTest {

    @Test
    void brokerStartsCreatesTopicsAndRestartsOnTheSameStorage(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
            broker.createTopics(Topics.ALL);
            try (Admin admin = broker.admin()) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(Topics.SCANS, Topics.deadLetter(Topics.SCANS));
            }
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 0); Admin admin = again.admin()) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).as("topics survive a restart").contains(Topics.SCANS);
        }
    }

    @Test
    void postgresKeepsItsDataDirectory(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), 0);
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            c.createStatement().execute("create table kept(x int); insert into kept values (42)");
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), 0);
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("select x from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
