package io.aclens.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.AccessMask;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void folderEventRoundTripsWithCloudEventHeaders() {
        FolderScanned folder = new FolderScanned("scan-1:7", "scan-1", "acme", "local:fs1:/srv", 7, "/srv/Отдел \"кадров\"\nx", 2,
                "S-1-22-1-1000", "S-1-22-2-100", false,
                List.of(Ace.allow("S-1-22-2-2001", AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.INHERITED)), null, null);

        Headers headers = EventCodec.headers(folder, "/aclens/collector");
        AclensEvent decoded = EventCodec.decode(headers, EventCodec.encode(folder));

        assertThat(decoded).isEqualTo(folder);
        assertThat(EventCodec.header(headers, EventCodec.HEADER_TYPE)).contains("io.aclens.scan.folder.v1");
        assertThat(EventCodec.header(headers, EventCodec.HEADER_ID)).contains("scan-1:7");
        assertThat(folder.partitionKey()).isEqualTo("scan-1");
    }

    @Test
    void aBatchOfFoldersRoundTripsEachFolderAsAnArrayAndEachDaclOnce() throws Exception {
        List<Ace> dacl = List.of(Ace.allow("S-1-22-2-2001", AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.INHERITED));
        String hash = io.aclens.access.AclHash.of(dacl);
        FoldersScanned batch = new FoldersScanned(FoldersScanned.eventIdFor("scan-1", 3), "scan-1", "acme", "fs1", 3, List.of(
                new ScannedFolder(7, "/srv/Отдел \"кадров\"\nx", 2, "S-1-22-1-1000", "S-1-22-2-100", false, hash, null, null, null),
                new ScannedFolder(8, "D:\\Data", 0, null, null, true, hash, "ACCESS_DENIED", "O:BAD:P", "cannot list contents")),
                java.util.Map.of(hash, dacl), List.of("0123456789abcdef0123456789abcdef"));

        byte[] json = EventCodec.encode(batch);
        AclensEvent decoded = EventCodec.decode(EventCodec.headers(batch, "/aclens/collector"), json);

        assertThat(decoded).isEqualTo(batch);
        assertThat(EventCodec.typeOf(batch)).isEqualTo("io.aclens.scan.folders.v1");
        assertThat(EventCodec.mapper().readTree(json).get("folders").get(0).isArray()).as("no field names per folder").isTrue();
        assertThat(batch.eventId()).isEqualTo("scan-1:folders-3");
    }

    @Test
    void completedEventKeepsPrincipals() {
        ScanCompleted completed = new ScanCompleted("scan-1:done", "scan-1", "acme", "src", 10, 1, List.of("/srv/locked"),
                List.of(new Principal("S-1-22-1-1000", "alice", "Alice Smith", PrincipalKind.USER)), 1234, Instant.parse("2026-11-26T10:00:00Z"),
                new SourceServer("\\\\fs1\\data", "O:BAG:BAD:(A;;0x1200a9;;;WD)", "read over SRVSVC", io.aclens.access.directory.ServerGroups.read(
                        List.of(new io.aclens.access.directory.ServerGroups.LocalGroup("S-1-5-32-545", "BUILTIN\\Users", List.of("S-1-5-11"))),
                        "read over SAMR")), 41L, 7, 2);

        assertThat(EventCodec.decode(EventCodec.headers(completed, "t"), EventCodec.encode(completed))).isEqualTo(completed);
        assertThat(completed.sentFolders()).isEqualTo(3);
    }

    @Test
    void aCompletionFromBeforeRescansAgainstABaselineIsAWholeScan() throws Exception {
        ScanCompleted whole = new ScanCompleted("scan-1:done", "scan-1", "acme", "src", 10, 0, List.of(), List.of(), 5,
                Instant.parse("2026-11-26T10:00:00Z"), null, null, 0, 0);
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) EventCodec.mapper()
                .readTree(EventCodec.encode(whole));
        assertThat(json.has("sentFolders")).as("derived, not sent").isFalse();
        json.remove(List.of("baselineSnapshotId", "unchangedFolders", "removedFolders"));

        ScanCompleted decoded = (ScanCompleted) EventCodec.decode(EventCodec.headers(whole, "t"), EventCodec.mapper().writeValueAsBytes(json));
        assertThat(decoded).isEqualTo(whole);
        assertThat(decoded.sentFolders()).isEqualTo(10);
        assertThatThrownBy(() -> new ScanCompleted("e", "s", "c", "src", 10, 0, List.of(), List.of(), 5, Instant.now(), null, null, 3, 0))
                .hasMessageContaining("baseline");
    }

    @Test
    void poisonEventsNameTheirReason() {
        RecordHeaders noType = new RecordHeaders();
        assertThatThrownBy(() -> EventCodec.decode(noType, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("missing header ce_type");

        RecordHeaders unknown = new RecordHeaders();
        unknown.add(EventCodec.HEADER_TYPE, "io.aclens.nope.v9".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventCodec.decode(unknown, "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown event type 'io.aclens.nope.v9'");

        RecordHeaders folderType = new RecordHeaders();
        folderType.add(EventCodec.HEADER_TYPE, "io.aclens.scan.folder.v1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventCodec.decode(folderType, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("body does not fit io.aclens.scan.folder.v1");
        assertThatThrownBy(() -> EventCodec.decode(folderType, "{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("scanId");
    }
}
