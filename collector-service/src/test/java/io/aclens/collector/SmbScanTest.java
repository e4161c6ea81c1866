package io.aclens.collector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.aclens.access.nt.Sddl;
import io.aclens.access.nt.SecurityDescriptor;
import io.aclens.contracts.FolderScanned;
import io.aclens.contracts.ScanCompleted;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.Topics;
import io.aclens.embedded.EmbeddedSamba;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(SnapshotServiceStub.class)
class SmbScanTest {
    private static final String ROOT = "\\\\127.0.0.1\\data";

    @Test
    void everyFolderIsReadExactlyAsSambaReportsIt() {
        given().get("/api/smb-sources").then().statusCode(200).body(not(containsString(EmbeddedSamba.PASSWORD)));
        String scanId = given().post("/api/smb-sources/lab/scans").then().statusCode(202).extract().path("scanId");

        List<ScanEvent> events;
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> kafka.events(all, ScanCompleted.class).stream()
                    .anyMatch(e -> e.scanId().equals(scanId)), Duration.ofSeconds(60));
            events = kafka.events(records, ScanEvent.class).stream().filter(e -> e.scanId().equals(scanId)).toList();
        }
        Map<String, FolderScanned> folders = events.stream().filter(FolderScanned.class::isInstance).map(FolderScanned.class::cast)
                .collect(Collectors.toMap(FolderScanned::path, f -> f));

        assertThat(folders.keySet()).contains(ROOT, ROOT + "\\Финансы", ROOT + "\\Финансы\\Отчёты 2026", ROOT + "\\Финансы\\Зарплата",
                ROOT + "\\Locked", ROOT + "\\Sales Team", ROOT + "\\" + SambaResource.LONG_PATH);
        assertThat((ROOT + "\\" + SambaResource.LONG_PATH).length()).isGreaterThan(260);
        SoftAssertions softly = new SoftAssertions();
        for (FolderScanned folder : folders.values()) {
            String relative = folder.path().equals(ROOT) ? "" : folder.path().substring(ROOT.length() + 1);
            String sddl = SambaResource.samba.sddl(relative);
            if (relative.equals("Locked")) {
                softly.assertThat(folder.readError()).as("the service account may not read Locked: " + sddl).contains("ACCESS_DENIED");
                continue;
            }
            SecurityDescriptor expected = Sddl.parse(sddl);
            softly.assertThat(folder.readError()).as(relative).isNull();
            softly.assertThat(folder.ownerSid()).as("owner of " + relative).isEqualTo(expected.ownerSid());
            softly.assertThat(folder.groupSid()).as("group of " + relative).isEqualTo(expected.groupSid());
            softly.assertThat(folder.inheritanceProtected()).as("protection of " + relative + ": " + sddl).isEqualTo(expected.inheritanceProtected());
            softly.assertThat(folder.dacl()).as("DACL of " + relative + ": " + sddl).containsExactlyElementsOf(expected.effectiveDacl());
            softly.assertThat(Sddl.parse(folder.sddl())).as("the whole descriptor, control flags included, of " + relative + ": " + sddl)
                    .isEqualTo(expected);
        }
        softly.assertAll();
        assertThat(folders.get(ROOT + "\\Финансы\\Зарплата").inheritanceProtected()).isTrue();
        assertThat(folders.get(ROOT + "\\Финансы\\Отчёты 2026").dacl()).anySatisfy(ace -> assertThat(ace.inherited()).isTrue());
        assertThat(folders.get(ROOT + "\\Финансы").dacl()).anySatisfy(ace -> assertThat(ace.type()).isEqualTo(io.aclens.access.AceType.DENY));
        ScanCompleted completed = (ScanCompleted) events.get(events.size() - 1);
        assertThat(completed.errorCount()).isEqualTo(1);
        assertThat(completed.unreadableFolders()).anySatisfy(u -> assertThat(u).contains("Locked"));
    }
}
