package io.aclens.collector;

import static io.aclens.testing.TestTokens.given;

import io.aclens.auth.Roles;
import io.aclens.testing.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.aclens.access.Level;
import io.aclens.access.nt.Sddl;
import io.aclens.access.PrincipalLevels;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScanStarted;
import io.aclens.contracts.SourceKind;
import io.aclens.contracts.Topics;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class AgentUploadTest {
    private static final String DOMAIN = "S-1-5-21-1004336348-1177238915-682003330";
    private static final String UPLOAD = String.join("\n",
            "{\"path\":\"\\\\\\\\?\\\\UNC\\\\fs1\\\\data\",\"owner\":\"S-1-5-32-544\",\"sddl\":\"O:BAG:SYD:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;" + DOMAIN + "-1105)\",\"names\":{\"" + DOMAIN + "-1105\":\"CONTOSO\\\\Finance Team\"}}",
            "{\"path\":\"\\\\\\\\?\\\\UNC\\\\fs1\\\\data\\\\Бухгалтерия с пробелом\",\"sddl\":\"O:BAD:AI(D;OICI;0x116;;;" + DOMAIN + "-1107)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;" + DOMAIN + "-1105)\"}",
            "{\"path\":\"\\\\\\\\?\\\\UNC\\\\fs1\\\\data\\\\Locked\",\"error\":\"Access is denied\"}",
            "{\"path\":\"\\\\\\\\?\\\\UNC\\\\fs1\\\\data\\\\Open\",\"sddl\":\"O:BAD:PNO_ACCESS_CONTROL\"}",
            "");

    /** The agent of client acme: it uploads for acme only. */
    private static final String AGENT = TestTokens.token(Roles.AGENT, "acme");

    private static String upload(String sourceId, String contentType, String token, String body, int status) {
        return TestTokens.as(token).contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/clients/acme/sources/" + sourceId + "/uploads")
                .then().statusCode(status).extract().asString();
    }

    private static List<ScanEvent> eventsOfSource(String sourceId, int completedScans) {
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> kafka.events(all, ScanCompleted.class).stream()
                    .filter(e -> e.sourceId().equals(sourceId)).count() >= completedScans, Duration.ofSeconds(30));
            return kafka.events(records, ScanEvent.class).stream().filter(e -> e.sourceId().equals(sourceId)).toList();
        }
    }

    @Test
    void uploadBecomesTheSameScanLifecycleWithEachFoldersDescriptor() {
        String source = "agent-" + UUID.randomUUID();
        Registry.uploadSource("acme", source, "agent");
        upload(source, "application/x-ndjson", AGENT, UPLOAD, 202);

        List<ScanEvent> events = eventsOfSource(source, 1);
        assertThat(events.get(0)).isInstanceOfSatisfying(ScanStarted.class, s -> assertThat(s.sourceKind()).isEqualTo(SourceKind.AGENT_UPLOAD));
        List<FolderScanned> folders = ScanEvents.folders(events);
        assertThat(folders).extracting(FolderScanned::path).containsExactly("\\\\fs1\\data", "\\\\fs1\\data\\Бухгалтерия с пробелом",
                "\\\\fs1\\data\\Locked", "\\\\fs1\\data\\Open");
        assertThat(folders).extracting(FolderScanned::depth).containsExactly(0, 1, 1, 1);
        assertThat(folders.get(0).inheritanceProtected()).isTrue();
        assertThat(folders.get(1).inheritanceProtected()).isFalse();
        assertThat(PrincipalLevels.of(folders.get(1).dacl())).containsEntry(DOMAIN + "-1107", Level.NONE)
                .containsEntry("S-1-5-32-544", Level.FULL).containsEntry(DOMAIN + "-1105", Level.READ_EXECUTE);
        assertThat(folders.get(2).readError()).isEqualTo("Access is denied");
        assertThat(PrincipalLevels.of(folders.get(3).dacl())).as("a NULL DACL lets everyone do anything").containsExactly(
                java.util.Map.entry("S-1-1-0", Level.FULL));
        assertThat(Sddl.hasNullDacl(folders.get(3).sddl())).as("and stays told apart from an entry for Everyone").isTrue();
        ScanCompleted completed = (ScanCompleted) events.get(events.size() - 1);
        assertThat(completed.folderCount()).isEqualTo(4);
        assertThat(completed.errorCount()).isEqualTo(1);
        assertThat(ScanEvents.principals(events)).anySatisfy(p -> assertThat(p.name()).isEqualTo("CONTOSO\\Finance Team"));
    }

    @Test
    void badUploadsAreRefusedWithProblemDetailsAndPublishNothing() {
        String source = "bad-" + UUID.randomUUID();
        Registry.uploadSource("acme", source, "agent");
        String badLine = UPLOAD.replace("(A;OICIID;FA;;;BA)", "(OA;;CR;ab721a53-1e2f-11d0-9819-00aa0040529b;;WD)");
        String body = upload(source, "application/x-ndjson", AGENT, badLine, 400);
        assertThat(body).contains("line 2").contains("ACE 2").contains("object or callback ACE");
        upload(source, "application/x-ndjson", AGENT, "{\"path\":\"x\",\"sddl\":\"D:(A;;FA;;;BA)\"}\nnot json\n", 400);
        upload(source, "application/x-ndjson", AGENT, "{\"path\":\"x\"}\n", 400);
        String nul = upload(source, "application/x-ndjson", AGENT, "{\"path\":\"D:\\\\Data\\\\a\\u0000b\",\"sddl\":\"D:(A;;FA;;;BA)\"}\n", 400);
        assertThat(nul).as("a NUL never reaches the pipeline").contains("line 1").contains("U+0000").contains("position 10");
        upload(source, "application/x-ndjson", "not-a-token", UPLOAD, 401);
        upload(source, "application/x-ndjson", TestTokens.token(Roles.AGENT, "globex"), UPLOAD, 404); // another client's agent
        upload(source, "application/x-ndjson", TestTokens.token(Roles.CLIENT_VIEWER, "acme"), UPLOAD, 403); // a viewer uploads nothing
        TestTokens.as(AGENT).contentType("application/json").body(UPLOAD.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/clients/acme/sources/" + source + "/uploads")
                .then().statusCode(415).contentType("application/problem+json");
        String big = UPLOAD.repeat(200);
        TestTokens.as(AGENT).contentType("application/x-ndjson").body(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/clients/acme/sources/" + source + "/uploads")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("larger than 65536"));

        upload(source, "application/x-ndjson", AGENT, UPLOAD, 202);
        List<ScanEvent> events = eventsOfSource(source, 1);
        assertThat(events.stream().filter(ScanStarted.class::isInstance)).as("only the good upload became a scan").hasSize(1);
        assertThat(ScanEvents.folders(events)).hasSize(4);
    }

    private static final String ICACLS = String.join("\r\n",
            "D:\\Общие\\Бухгалтерия BUILTIN\\Администраторы:(OI)(CI)(F)",
            "                      КОМПАНИЯ\\Бухгалтерия:(OI)(CI)(M)",
            "                      КОМПАНИЯ\\Иванова Анна:(DENY)(W)",
            "                      Все:(OI)(CI)(RX)",
            "",
            "D:\\Общие\\Бухгалтерия\\Зарплата КОМПАНИЯ\\Бухгалтерия:(I)(OI)(CI)(M)",
            "",
            "D:\\Общие\\Бухгалтерия\\Закрыто: Отказано в доступе.",
            "Успешно обработано 2 файлов; не удалось обработать 1 файлов",
            "");

    private static byte[] utf16(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        return bytes.toByteArray();
    }

    @Test
    void anIcaclsExportBecomesAScanWithNamesResolvedThroughTheDirectory() {
        SnapshotServiceStub.DIRECTORY.put("acme", List.of(
                io.aclens.access.directory.DirectoryEntry.group(DOMAIN + "-2001", "Бухгалтерия", "global", List.of()),
                new io.aclens.access.directory.DirectoryEntry(DOMAIN + "-1105", io.aclens.access.PrincipalKind.USER, "Иванова Анна", null,
                        "Анна Иванова", null, null, null, true, null, null, null, List.of())));
        String source = "icacls-" + UUID.randomUUID();
        Registry.uploadSource("acme", source, "icacls");
        TestTokens.as(AGENT).contentType("text/plain").body(utf16(ICACLS))
                .when().post("/api/v1/clients/acme/sources/" + source + "/uploads").then().statusCode(202);

        List<ScanEvent> events = eventsOfSource(source, 1);
        assertThat(events.get(0)).isInstanceOfSatisfying(ScanStarted.class, s -> assertThat(s.sourceKind()).isEqualTo(SourceKind.ICACLS_IMPORT));
        List<FolderScanned> folders = ScanEvents.folders(events);
        assertThat(folders).extracting(FolderScanned::path).containsExactly("D:\\Общие\\Бухгалтерия", "D:\\Общие\\Бухгалтерия\\Зарплата",
                "D:\\Общие\\Бухгалтерия\\Закрыто");
        assertThat(folders).extracting(FolderScanned::depth).containsExactly(0, 1, 1);
        assertThat(PrincipalLevels.of(folders.get(0).dacl())).containsEntry("S-1-5-32-544", Level.FULL)
                .containsEntry(DOMAIN + "-2001", Level.MODIFY).containsEntry(DOMAIN + "-1105", Level.NONE).containsEntry("S-1-1-0", Level.READ_EXECUTE);
        assertThat(folders.get(2).readError()).isEqualTo("Отказано в доступе.");
    }

    @Test
    void anIcaclsExportNamingUnknownAccountsIsRefusedAndPublishesNothing() {
        SnapshotServiceStub.DIRECTORY.remove("acme");
        String source = "icacls-bad-" + UUID.randomUUID();
        Registry.uploadSource("acme", source, "icacls");
        TestTokens.as(AGENT).contentType("text/plain").body(utf16(ICACLS))
                .when().post("/api/v1/clients/acme/sources/" + source + "/uploads").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("КОМПАНИЯ\\Бухгалтерия"))
                .body("detail", containsString("no directory of client acme is synced yet"));
        TestTokens.as(AGENT).contentType("text/plain").body("just some text\n".getBytes())
                .when().post("/api/v1/clients/acme/sources/" + source + "/uploads").then().statusCode(400).contentType("application/problem+json");

        String marker = "marker-" + UUID.randomUUID();
        Registry.uploadSource("acme", marker, "agent");
        upload(marker, "application/x-ndjson", AGENT, UPLOAD, 202);
        eventsOfSource(marker, 1);
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> kafka.events(all, ScanCompleted.class).stream()
                    .anyMatch(e -> e.sourceId().equals(marker)), Duration.ofSeconds(30));
            assertThat(kafka.events(records, ScanEvent.class)).noneMatch(e -> e.sourceId().equals(source));
        }
    }
}
