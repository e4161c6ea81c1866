package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.Roles;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.AuditEntryView;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
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
}
