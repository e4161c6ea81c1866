package io.aclens.collector;

import static io.aclens.testing.TestTokens.given;
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
import io.aclens.embedded.LabShare;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
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
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class SmbScanTest {
    private static final String ROOT = "\\\\127.0.0.1\\data";

    @Test
    void everyFolderIsReadExactlyAsSambaReportsIt() {
        given().get("/api/v1/smb-sources").then().statusCode(200).body(not(containsString(EmbeddedSamba.PASSWORD)));
        List<ScanEvent> events = scan("lab");
        Map<String, FolderScanned> folders = folders(events);

        assertThat(folders.keySet()).contains(ROOT, ROOT + "\\Финансы", ROOT + "\\Финансы\\Отчёты 2026", ROOT + "\\Финансы\\Зарплата",
                ROOT + "\\Locked", ROOT + "\\Sales Team", ROOT + "\\" + LabShare.LONG_PATH);
        assertThat((ROOT + "\\" + LabShare.LONG_PATH).length()).isGreaterThan(260);
        SoftAssertions softly = new SoftAssertions();
        for (FolderScanned folder : folders.values()) {
            String relative = folder.path().equals(ROOT) ? "" : folder.path().substring(ROOT.length() + 1);
            if (relative.startsWith(LabShare.WIDE + "\\")) {
                continue; // counted below: asking smbcacls about each of them would take minutes
            }
            String sddl = SambaResource.samba.sddl(relative);
            if (relative.equals(LabShare.LOCKED)) {
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
        assertThat(folders.keySet().stream().filter(path -> path.startsWith(ROOT + "\\" + LabShare.WIDE + "\\")))
                .as("a folder listed over several answers").hasSize(LabShare.WIDE_FOLDERS)
                .contains(ROOT + "\\" + LabShare.WIDE + "\\folder-0001", ROOT + "\\" + LabShare.WIDE + "\\folder-" + LabShare.WIDE_FOLDERS);
        ScanCompleted completed = (ScanCompleted) events.get(events.size() - 1);
        assertThat(completed.folderCount()).isEqualTo(folders.size());
        assertThat(completed.errorCount()).isEqualTo(1);
        assertThat(completed.unreadableFolders()).anySatisfy(u -> assertThat(u).contains("Locked"));
        assertThat(completed.server().share()).isEqualTo(ROOT);
        assertThat(completed.server().shareSddl()).as("the share's own descriptor is given to server administrators only").isNull();
        assertThat(completed.server().shareNote()).contains("administrator");
        assertThat(completed.server().groups().note()).as("SAMR answers any account").startsWith("read from the server over SAMR");
        assertThat(ScanEvents.principals(events)).as("the server names the accounts the folders name (LSARPC)")
                .anySatisfy(p -> assertThat(p.name()).isEqualTo("petrova"))
                .anySatisfy(p -> assertThat(p).isEqualTo(new io.aclens.access.Principal(EmbeddedSamba.groupSid("finance"), "finance", null,
                        io.aclens.access.PrincipalKind.GROUP)));
    }

    @Test
    void theDepthLimitStopsTheWalk() {
        Map<String, FolderScanned> folders = folders(scan("shallow"));

        assertThat(folders.keySet()).containsExactlyInAnyOrder(ROOT, ROOT + "\\Финансы", ROOT + "\\Locked", ROOT + "\\Sales Team",
                ROOT + "\\" + LabShare.WIDE);
        assertThat(folders.get(ROOT + "\\Финансы").depth()).isEqualTo(1);
    }

    private static List<ScanEvent> scan(String source) {
        String scanId = given().post("/api/v1/smb-sources/" + source + "/scans").then().statusCode(202).extract().path("[0].scanId");
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            var records = kafka.readUntil(Topics.SCANS, all -> kafka.events(all, ScanCompleted.class).stream()
                    .anyMatch(e -> e.scanId().equals(scanId)), Duration.ofSeconds(60));
            return kafka.events(records, ScanEvent.class).stream().filter(e -> e.scanId().equals(scanId)).toList();
        }
    }

    private static Map<String, FolderScanned> folders(List<ScanEvent> events) {
        return ScanEvents.folders(events).stream().collect(Collectors.toMap(FolderScanned::path, f -> f));
    }
}
