package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.aclens.auth.Roles;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.Topics;
import io.aclens.embedded.EmbeddedSamba;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Onboarding at runtime against real parts: a client added, a Samba share registered with a wrong password, a missing
 * share and a folder the account may not read (each refused with its step, nothing stored), then rightly — and scanned on
 * its schedule without a restart; directories refused for a wrong bind password or an untrusted certificate.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class OnboardingTest {
    private static final String CLIENT = "initech";

    private static RequestSpecification admin() {
        return TestTokens.as(TestTokens.token(Roles.MSP_ADMIN)).contentType("application/json");
    }

    private static Map<String, Object> smb(String share, String path, String password, String cron) {
        Map<String, Object> settings = new HashMap<>(Map.of("kind", "smb", "host", "127.0.0.1", "share", share, "username", EmbeddedSamba.SERVICE));
        if (path != null) {
            settings.put("path", path);
        }
        Map<String, Object> registration = new HashMap<>(Map.of("password", password, "settings", settings, "sourceId", "initech-fs1-" + share));
        if (cron != null) {
            registration.put("cron", cron);
        }
        return registration;
    }

    @Test
    void anSmbSourceIsStoredOnlyOnceItsConnectionTestPassesAndIsScannedOnItsScheduleWithoutARestart() {
        admin().body(Map.of("clientId", CLIENT, "displayName", "Initech GmbH")).post("/api/v1/clients").then().statusCode(201);
        admin().body(Map.of("clientId", CLIENT, "displayName", "Initech again")).post("/api/v1/clients").then().statusCode(409);
        admin().get("/api/v1/clients").then().statusCode(200).body("clientId", hasItem(CLIENT)).body("displayName", hasItem("Initech GmbH"));

        admin().body(smb(EmbeddedSamba.SHARE, null, "wrong-password", null)).put("/api/v1/clients/" + CLIENT + "/sources/fs1").then()
                .statusCode(422).contentType("application/problem+json").body("title", containsString("credentials"))
                .body("detail", containsString("the user name or password is wrong")).body(not(containsString("wrong-password")));
        admin().body(smb("no-such-share", null, EmbeddedSamba.PASSWORD, null)).put("/api/v1/clients/" + CLIENT + "/sources/fs1").then()
                .statusCode(422).body("title", containsString("share")).body("detail", containsString("no share named 'no-such-share'"));
        admin().body(smb(EmbeddedSamba.SHARE, io.aclens.embedded.LabShare.LOCKED, EmbeddedSamba.PASSWORD, null))
                .put("/api/v1/clients/" + CLIENT + "/sources/fs1").then()
                .statusCode(422).body("title", containsString("permissions")).body("detail", containsString("READ_CONTROL"));
        admin().get("/api/v1/clients/" + CLIENT + "/sources").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));

        String sourceId = "initech-fs1-" + EmbeddedSamba.SHARE;
        admin().body(smb(EmbeddedSamba.SHARE, null, EmbeddedSamba.PASSWORD, "0/3 * * * * ?")).put("/api/v1/clients/" + CLIENT + "/sources/fs1")
                .then().statusCode(201).body("passwordStored", org.hamcrest.Matchers.is(true)).body(not(containsString(EmbeddedSamba.PASSWORD)));
        admin().get("/api/v1/clients/" + CLIENT + "/sources").then().statusCode(200).body("sourceId", hasItem(sourceId))
                .body(not(containsString(EmbeddedSamba.PASSWORD)));
        admin().post("/api/v1/clients/" + CLIENT + "/sources/fs1/connection-test").then().statusCode(200).body("ok", org.hamcrest.Matchers.is(true));

        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> kafka.events(all, ScanCompleted.class).stream()
                    .anyMatch(e -> e.clientId().equals(CLIENT) && e.sourceId().equals(sourceId)), Duration.ofSeconds(90));
            assertThat(kafka.events(records, ScanCompleted.class)).filteredOn(e -> e.sourceId().equals(sourceId))
                    .allSatisfy(e -> assertThat(e.folderCount()).isGreaterThan(5));
        }
        // removing it unschedules it: nothing more is scanned once a scan running now has ended
        admin().delete("/api/v1/clients/" + CLIENT + "/sources/fs1").then().statusCode(204);
        admin().delete("/api/v1/clients/" + CLIENT + "/sources/fs1").then().statusCode(404);
        admin().delete("/api/v1/clients/" + CLIENT).then().statusCode(204);
    }

    @Test
    void aDirectoryIsRefusedForAWrongBindPasswordOrAnUntrustedCertificate() {
        admin().body(Map.of("clientId", "hooli", "displayName", "Hooli")).post("/api/v1/clients").then().statusCode(201);
        String plainUrl = ConfigProvider.getConfig().getValue("aclens.collector.directories.cleartext.url", String.class);
        String tlsUrl = ConfigProvider.getConfig().getValue("aclens.collector.directories.wrong-host.url", String.class);

        admin().body(Map.of("password", "not-annas", "settings", Map.of("kind", "ldap", "url", plainUrl, "baseDn", "DC=corp,DC=local",
                        "bindDn", "uid=anna,DC=corp,DC=local", "allowPlaintext", true))).put("/api/v1/clients/hooli/directories/corp")
                .then().statusCode(422).body("title", containsString("credentials")).body(not(containsString("not-annas")));
        admin().body(Map.of("settings", Map.of("kind", "ldap", "url", tlsUrl, "baseDn", "DC=corp,DC=local")))
                .put("/api/v1/clients/hooli/directories/corp")
                .then().statusCode(422).body("title", containsString("tls")).body("detail", containsString("not trusted"));
        admin().body(Map.of("settings", Map.of("kind", "ldap", "url", plainUrl, "baseDn", "DC=nowhere,DC=local", "allowPlaintext", true)))
                .put("/api/v1/clients/hooli/directories/corp")
                .then().statusCode(422).body("title", containsString("base-dn"));
        admin().body(Map.of("cron", "not a cron", "settings", Map.of("kind", "ldap", "url", plainUrl, "baseDn", "DC=corp,DC=local")))
                .put("/api/v1/clients/hooli/directories/corp").then().statusCode(400).contentType("application/problem+json");
        admin().body(Map.of("settings", Map.of("kind", "ldap", "url", plainUrl, "baseDn", "DC=corp,DC=local", "allowPlaintext", true)))
                .put("/api/v1/clients/hooli/directories/corp").then().statusCode(201).body("directoryId", org.hamcrest.Matchers.is("ldap:corp"));
        admin().post("/api/v1/clients/hooli/directories/corp/syncs").then().statusCode(202);
        admin().get("/api/v1/clients/hooli/directories").then().statusCode(200).body("name", hasItem("corp"));
    }

    @Test
    void anAgentUploadsOnlyToTheSourcesRegisteredForItsClient() {
        Registry.uploadSource("umbrella", "fs9:data", "agent");
        String agent = TestTokens.token(Roles.AGENT, "umbrella");
        byte[] line = "{\"path\":\"D:\\\\Data\",\"sddl\":\"O:BAD:(A;;FA;;;BA)\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TestTokens.as(agent).contentType("application/x-ndjson").body(line).post("/api/v1/clients/umbrella/sources/fs9:data/uploads")
                .then().statusCode(202);
        TestTokens.as(agent).contentType("application/x-ndjson").body(line).post("/api/v1/clients/umbrella/sources/fs9:other/uploads")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("no source 'fs9:other'"));
        TestTokens.as(agent).contentType("text/plain").body("x".getBytes()).post("/api/v1/clients/umbrella/sources/fs9:data/uploads")
                .then().statusCode(403).body("detail", containsString("icacls"));
        admin().body(Map.of("settings", Map.of("kind", "agent"))).put("/api/v1/clients/umbrella/sources/nameless").then().statusCode(400)
                .body("detail", containsString("sourceId"));
    }
}
