package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.nt.Sddl;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.ScanView;
import io.aclens.embedded.EmbeddedSamba;
import io.aclens.embedded.LabShare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Windows share end to end: Samba serves the lab share (allow and deny, OI/CI/IO/NP, broken inheritance,
 * Cyrillic names, a folder the service account may not read, a path over 260 characters, a folder too wide for
 * one listing answer); the packaged collector scans it over SMB, the snapshot service commits it and the report
 * service reports it. Every folder must be stored exactly as {@code smbcacls --sddl} prints it, and the report
 * must show the level each entry implies.
 */
class SmbEndToEndTest {
    private static final String CLIENT = "lab-client";
    private static final String ROOT = "\\\\127.0.0.1\\" + EmbeddedSamba.SHARE;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void eachFolderIsStoredAsSambaReportsItAndReportedWithTheLevelsItsEntriesImply(@TempDir Path dir) throws Exception {
        try (EmbeddedSamba samba = EmbeddedSamba.start()) {
            LabShare.prepare(samba);
            StackConfig config = StackConfig.of(Aclens.home(), dir.resolve("data"), true).withCollectorProperties(Map.of(
                    "aclens.collector.smb-sources.lab.client-id", CLIENT,
                    "aclens.collector.smb-sources.lab.host", "127.0.0.1",
                    "aclens.collector.smb-sources.lab.share", EmbeddedSamba.SHARE,
                    "aclens.collector.smb-sources.lab.username", EmbeddedSamba.SERVICE,
                    "aclens.collector.smb-sources.lab.password", EmbeddedSamba.PASSWORD));
            try (Stack stack = Stack.start(config, System.out::println)) {
                PipelineClient pipeline = new PipelineClient(stack);
                ScanView scan = pipeline.awaitCommitted(pipeline.startSmbScan("lab"), TIMEOUT);
                pipeline.awaitChangeSet(scan.snapshotId(), TIMEOUT);
                pipeline.awaitReportable(CLIENT, scan.sourceId(), scan.snapshotId(), TIMEOUT);

                Map<String, FolderView> folders = pipeline.allFolders(scan.snapshotId()).stream()
                        .collect(Collectors.toMap(FolderView::path, Function.identity()));
                assertThat(folders).hasSize(12 + LabShare.WIDE_FOLDERS);
                assertThat(scan.errorCount()).isEqualTo(1);
                SoftAssertions softly = new SoftAssertions();
                for (FolderView folder : folders.values()) {
                    String relative = folder.path().equals(ROOT) ? "" : folder.path().substring(ROOT.length() + 1);
                    if (relative.startsWith(LabShare.WIDE + "\\")) {
                        continue; // all alike; asking smbcacls about each would take minutes
                    }
                    if (relative.equals(LabShare.LOCKED)) {
                        softly.assertThat(folder.readError()).as(relative).contains("ACCESS_DENIED");
                        continue;
                    }
                    String sddl = samba.sddl(relative);
                    softly.assertThat(folder.readError()).as(relative).isNull();
                    softly.assertThat(Sddl.parse(folder.sddl())).as("descriptor of " + relative + ": " + sddl).isEqualTo(Sddl.parse(sddl));
                }
                softly.assertAll();

                Path file = Files.write(dir.resolve("report.xlsx"), pipeline.report(CLIENT));
                ReportWorkbook report = new ReportWorkbook(file);
                String service = EmbeddedSamba.userSid(EmbeddedSamba.SERVICE);
                String petrova = EmbeddedSamba.userSid("petrova");
                String finance = EmbeddedSamba.groupSid("finance"); // no directory is synced here: columns are SIDs
                assertThat(report.matrix.get(ROOT + "\\Финансы"))
                        .as("CHANGE is Modify; petrova may read but her write is denied; the service account's read is inherited")
                        .isEqualTo(Map.of(finance, "M", petrova, "RX", service, "RX"));
                assertThat(report.matrix.get(ROOT + "\\Финансы\\Зарплата"))
                        .as("inheritance broken with the entries copied; petrova's entry is inherit-only, so not hers here")
                        .isEqualTo(Map.of(finance, "M", service, "RX"));
                assertThat(report.matrix.get(ROOT + "\\" + LabShare.LOCKED)).as("unreadable, so no level is claimed").isEmpty();
            }
        }
    }
}
