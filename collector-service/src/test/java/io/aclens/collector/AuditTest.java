package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.Roles;
import io.aclens.contracts.AuditRecorded;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.AuditEntryView;
import io.aclens.support.messaging.DeadLetters;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every call made with a token is kept in the audit trail, through the real broker, per client and readable by the MSP's administrators only. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class AuditTest {

    private static List<AuditEntryView> audit(String token, String path) throws Exception {
        return List.of(EventCodec.mapper().readValue(TestTokens.as(token).get(path).then().statusCode(200).extract().asString(),
                AuditEntryView[].class));
    }

    @Test
    void whoReadOrChangedWhichClientsDataIsKeptPerClient() throws Exception {
        Registry.client("audited");
        AccessTokens.Issued operator = TestTokens.issued(Roles.MSP_OPERATOR);
        TestTokens.as(operator.token()).get("/api/v1/clients/audited/sources").then().statusCode(200);
        AccessTokens.Issued agent = TestTokens.issued(Roles.AGENT, "audited");
        TestTokens.as(agent.token()).contentType("application/x-ndjson").body("{}".getBytes())
                .post("/api/v1/clients/audited/sources/unregistered/uploads").then().statusCode(403);
        TestTokens.as(TestTokens.token(Roles.SERVICE)).get("/api/v1/clients/audited/sources").then().statusCode(403);
        String admin = TestTokens.token(Roles.MSP_ADMIN);

        List<AuditEntryView> entries = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> audit(admin, "/api/v1/clients/audited/audit"),
                found -> found.size() >= 3);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.clientId()).isEqualTo("audited"));
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.tokenId()).isEqualTo(operator.tokenId());
            assertThat(entry.role()).isEqualTo(Roles.MSP_OPERATOR);
            assertThat(entry.method()).isEqualTo("GET");
            assertThat(entry.operation()).isEqualTo("RegisteredSourceResource.sources");
            assertThat(entry.service()).isEqualTo("aclens-collector");
            assertThat(entry.status()).isEqualTo(200);
        });
        assertThat(entries).as("a refused upload is kept too, with its answer").anySatisfy(entry -> {
            assertThat(entry.tokenId()).isEqualTo(agent.tokenId());
            assertThat(entry.status()).isEqualTo(403);
        });
        assertThat(entries).as("the services' own calls are pipeline traffic, not kept").noneMatch(entry -> Roles.SERVICE.equals(entry.role()));
        assertThat(entries).as("newest first").isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));

        TestTokens.as(operator.token()).get("/api/v1/clients/audited/audit").then().statusCode(403);
        TestTokens.as(TestTokens.token(Roles.CLIENT_VIEWER, "audited")).get("/api/v1/clients/audited/audit").then().statusCode(403);
        assertThat(audit(admin, "/api/v1/audit"))
                .as("MSP-wide calls too: the client registered above").anySatisfy(entry -> assertThat(entry.path()).isEqualTo("/api/v1/clients"));
    }

    @Test
    void aPollsEntriesAreKeptTogetherAndWhatCannotBeKeptIsDeadLetteredAlone() throws Exception {
        Instant at = Instant.now();
        AuditRecorded first = entry("poll-1", at, "/api/v1/clients/polled/sources");
        // PostgreSQL refuses a NUL in text: the database, not the decoder, refuses this one
        AuditRecorded refused = entry("poll-2", at.plusMillis(1), "/api/v1/clients/polled/\u0000");
        AuditRecorded last = entry("poll-3", at.plusMillis(2), "/api/v1/clients/polled/reports");
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            kafka.send(Topics.AUDIT, first);
            kafka.send(Topics.AUDIT, "polled", EventCodec.headers(first, "/aclens/test"), "{not json".getBytes(StandardCharsets.UTF_8));
            kafka.send(Topics.AUDIT, refused);
            kafka.send(Topics.AUDIT, last);

            String admin = TestTokens.token(Roles.MSP_ADMIN);
            List<AuditEntryView> kept = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> audit(admin, "/api/v1/clients/polled/audit"),
                    found -> found.size() >= 2);
            assertThat(kept).extracting(AuditEntryView::path).containsExactly("/api/v1/clients/polled/reports", "/api/v1/clients/polled/sources");

            List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.AUDIT),
                    records -> records.stream().filter(r -> "polled".equals(r.key())).count() >= 2, Duration.ofSeconds(30));
            assertThat(dead.stream().filter(r -> "polled".equals(r.key())).map(r -> EventCodec.header(r.headers(), DeadLetters.REASON).orElse("")))
                    .as("each with its reason").hasSize(2)
                    .anySatisfy(reason -> assertThat(reason).isNotBlank().doesNotContain("refused the entry"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("The audit trail refused the entry"));
        }
    }

    private static AuditRecorded entry(String id, Instant at, String path) {
        return new AuditRecorded(id + "-" + UUID.randomUUID(), "polled", at, "aclens-report", "t-1", "integration", Roles.INTEGRATION, "GET",
                "AccessResource.cell", path, 200);
    }
}
