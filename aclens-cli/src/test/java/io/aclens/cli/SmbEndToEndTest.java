package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.Level;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.ServerGroups;
import io.aclens.access.nt.Sddl;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.SourceServer;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.ScanView;
import io.aclens.embedded.EmbeddedSamba;
import io.aclens.embedded.LabShare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
 * must show the level each entry implies, reading like the share. A second client's source names the whole server:
 * its shares are discovered, their own permissions (sharesec) and the server's local groups (SAMR) are read, and
 * a person's effective level over the network must be the one Samba itself grants ({@code smbcacls -x}).
 */
class SmbEndToEndTest {
    private static final String CLIENT = "lab-client";
    private static final String SERVER_CLIENT = "lab-server-client";
    private static final String ROOT = "\\\\127.0.0.1\\" + EmbeddedSamba.SHARE;
    private static final String TREASURY = "Казна";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void eachFolderIsStoredAsSambaReportsItAndReportedWithTheLevelsItsEntriesImply(@TempDir Path dir) throws Exception {
        try (EmbeddedSamba samba = EmbeddedSamba.start()) {
            LabShare.prepare(samba);
            String petrova = EmbeddedSamba.userSid("petrova");
            String treasury = EmbeddedSamba.unixGroup("aclens-treasury", "petrova");
            String financeRw = samba.addLocalGroup("Finance-RW", "aclens-finrw", treasury);
            samba.mkdirOverSmb(TREASURY);
            samba.smbcacls(TREASURY, "-a", "ACL:" + financeRw + ":ALLOWED/OI|CI/CHANGE");
            String admin = EmbeddedSamba.userSid(EmbeddedSamba.SERVER_ADMIN);
            String editor = EmbeddedSamba.userSid(EmbeddedSamba.ADMIN); // edits ACLs below: the share must let it
            samba.setSharePermissions(EmbeddedSamba.SHARE, "S-1-1-0:ALLOWED/0x0/READ," + admin + ":ALLOWED/0x0/FULL," + editor
                    + ":ALLOWED/0x0/FULL");
            Files.createDirectories(samba.shareDir().resolveSibling(EmbeddedSamba.OTHER_SHARE).resolve("2019"));
            Map<String, String> collector = new HashMap<>(Map.of(
                    "aclens.collector.smb-sources.lab.client-id", CLIENT,
                    "aclens.collector.smb-sources.lab.host", "127.0.0.1",
                    "aclens.collector.smb-sources.lab.share", EmbeddedSamba.SHARE,
                    "aclens.collector.smb-sources.lab.username", EmbeddedSamba.SERVICE,
                    "aclens.collector.smb-sources.lab.password", EmbeddedSamba.PASSWORD));
            collector.putAll(Map.of(
                    "aclens.collector.smb-sources.lab-server.client-id", SERVER_CLIENT,
                    "aclens.collector.smb-sources.lab-server.host", "127.0.0.1",
                    "aclens.collector.smb-sources.lab-server.username", EmbeddedSamba.SERVER_ADMIN,
                    "aclens.collector.smb-sources.lab-server.password", EmbeddedSamba.PASSWORD,
                    "aclens.collector.smb-sources.lab-server.source-id", "lab-server"));
            collector.putAll(localDirectory(dir, "lab-people", SERVER_CLIENT, treasury, "petrova", "petrova", EmbeddedSamba.SERVICE));
            StackConfig config = StackConfig.of(Aclens.home(), dir.resolve("data"), true).withCollectorProperties(collector);
            try (Stack stack = Stack.start(config, System.out::println)) {
                PipelineClient pipeline = new PipelineClient(stack);
                ScanView scan = pipeline.awaitCommitted(pipeline.startSmbScan("lab"), TIMEOUT);
                pipeline.awaitChangeSet(scan.snapshotId(), TIMEOUT);

                Map<String, FolderView> folders = pipeline.allFolders(scan.snapshotId()).stream()
                        .collect(Collectors.toMap(FolderView::path, Function.identity()));
                assertThat(folders).hasSize(13 + LabShare.WIDE_FOLDERS);
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
                SourceServer labServer = pipeline.snapshot(scan.snapshotId()).server();
                assertThat(labServer.shareSddl()).as("a plain service account is not given the share's permissions").isNull();
                assertThat(labServer.shareNote()).contains("administrator");

                // an ACL edit, so the workbook's ACL changes sheet has a group to name
                samba.smbcacls("Sales Team", "-a", "ACL:" + EmbeddedSamba.groupSid("finance") + ":ALLOWED/0x0/READ");
                ScanView rescan = pipeline.awaitCommitted(pipeline.startSmbScan("lab"), TIMEOUT);
                pipeline.awaitChangeSet(rescan.snapshotId(), TIMEOUT);
                pipeline.awaitReportable(CLIENT, rescan.sourceId(), rescan.snapshotId(), TIMEOUT);

                Path file = Files.write(dir.resolve("report.xlsx"), pipeline.report(CLIENT));
                ReportWorkbook report = new ReportWorkbook(file);
                // no directory is synced for this client: the server names the accounts (LSARPC)
                String service = EmbeddedSamba.SERVICE;
                assertThat(report.matrix.get(ROOT + "\\Финансы"))
                        .as("CHANGE is Modify; petrova may read but her write is denied; the service account's read is inherited")
                        .isEqualTo(Map.of("finance (group)", "M", "petrova", "RX", service, "RX"));
                assertThat(report.matrix.get(ROOT + "\\Финансы\\Зарплата"))
                        .as("inheritance broken with the entries copied; petrova's entry is inherit-only, so not hers here")
                        .isEqualTo(Map.of("finance (group)", "M", service, "RX"));
                assertThat(report.matrix.get(ROOT + "\\" + LabShare.LOCKED)).as("unreadable, so no level is claimed").isEmpty();
                assertThat(report.folderRows.subList(0, 6)).as("rule 6: names indented under the share root, in tree order by segment")
                        .containsExactly("0 | " + ROOT + " | " + ROOT,
                                "1 | Locked | " + ROOT + "\\Locked",
                                "1 | Sales Team | " + ROOT + "\\Sales Team",
                                "2 | " + "a".repeat(60) + " | " + ROOT + "\\Sales Team\\" + "a".repeat(60),
                                "3 | " + "b".repeat(60) + " | " + ROOT + "\\Sales Team\\" + "a".repeat(60) + "\\" + "b".repeat(60),
                                "4 | " + "c".repeat(60) + " | " + ROOT + "\\Sales Team\\" + "a".repeat(60) + "\\" + "b".repeat(60) + "\\"
                                        + "c".repeat(60));
                assertThat(report.changes).as("rule 6: the group is named in the ACL changes, not shown as a SID")
                        .contains(ROOT + "\\Sales Team | granted | finance");

                serverWideSourceSeesTheShareAndTheServersGroups(samba, pipeline, treasury, financeRw, admin, editor);
                aClientOnboardedThroughTheCommandIsScannedOnItsScheduleWithoutARestart(stack, pipeline, dir);
            }
        }
    }

    private static void serverWideSourceSeesTheShareAndTheServersGroups(EmbeddedSamba samba, PipelineClient pipeline, String treasury,
                                                                        String financeRw, String admin, String editor) {
        List<String> scanIds = pipeline.startSmbScans("lab-server");
        assertThat(scanIds).as("both disk shares discovered; IPC$ is not a disk share").hasSize(2);
        List<ScanView> scans = scanIds.stream().map(id -> pipeline.awaitCommitted(id, TIMEOUT)).toList();
        assertThat(scans).extracting(ScanView::sourceId).containsExactlyInAnyOrder("lab-server:" + EmbeddedSamba.SHARE,
                "lab-server:" + EmbeddedSamba.OTHER_SHARE);
        pipeline.awaitDirectoryDiffed(pipeline.startDirectorySync("lab-people"), TIMEOUT);
        ScanView data = scans.stream().filter(s -> s.sourceId().endsWith(":" + EmbeddedSamba.SHARE)).findFirst().orElseThrow();
        pipeline.awaitChangeSet(data.snapshotId(), TIMEOUT);
        pipeline.awaitReportable(SERVER_CLIENT, data.sourceId(), data.snapshotId(), TIMEOUT);

        SourceServer server = pipeline.snapshot(data.snapshotId()).server();
        assertThat(Sddl.parse(server.shareSddl()).dacl()).as("the share's own permissions, as sharesec set them").containsExactly(
                Ace.allow(WellKnownSids.EVERYONE, AccessMask.FILE_GENERIC_READ | AccessMask.FILE_GENERIC_EXECUTE),
                Ace.allow(admin, AccessMask.FILE_ALL_ACCESS), Ace.allow(editor, AccessMask.FILE_ALL_ACCESS));
        assertThat(server.groups().groups()).as("the server's own local group and its members, over SAMR")
                .contains(new ServerGroups.LocalGroup(financeRw, "ACLENSTEST\\Finance-RW", List.of(treasury)));

        CellAccessView cell = pipeline.access(SERVER_CLIENT, "petrova", ROOT + "\\" + TREASURY);
        Level sambaSays = Level.fromMask(samba.maximumAccess("petrova", TREASURY));
        assertThat(sambaSays).as("Modify through the local group, narrowed by the share").isEqualTo(Level.READ_EXECUTE);
        assertThat(cell.level()).as("the level Samba itself grants over the network").isEqualTo(sambaSays);
        assertThat(cell.reasons()).anySatisfy(reason -> assertThat(reason).contains("ACLENSTEST\\Finance-RW")
                .contains("limited to Read & execute by the share's permissions"));
    }

    /** ./aclens client add, then source add with a wrong password (refused, and why), then the right one: scanned on its schedule. */
    private static void aClientOnboardedThroughTheCommandIsScannedOnItsScheduleWithoutARestart(Stack stack, PipelineClient pipeline, Path dir)
            throws java.io.IOException {
        String[] api = {"--api-url", stack.apiUrl(), "--token", stack.tokens().operatorToken()};
        assertThat(OperatorCommand.run(null, "client", "add", "onboarded", "--name", "Onboarded GmbH", api[0], api[1], api[2], api[3]).exitCode())
                .isZero();
        String[] smb = {"source", "add", "--client", "onboarded", "--name", "fs1", "--kind", "smb", "--host", "127.0.0.1", "--share",
                EmbeddedSamba.SHARE, "--user", EmbeddedSamba.SERVICE, "--source-id", "onboarded-fs1", "--cron", "0/5 * * * * ?", api[0], api[1],
                api[2], api[3]};
        OperatorCommand.Result wrong = OperatorCommand.run("not-the-password\n", concat(smb, "--password-stdin"));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("Connection Test Failed (credentials)").contains("the user name or password is wrong")
                .doesNotContain("not-the-password");
        Path password = Files.writeString(dir.resolve("onboarded-password"), EmbeddedSamba.PASSWORD + "\n");
        OperatorCommand.Result right = OperatorCommand.run(null, concat(smb, "--password-file", password.toString()));
        assertThat(right.exitCode()).as(right.stderr()).isZero();
        assertThat(right.stdout()).contains("registered as onboarded-fs1 (connection test passed)");

        assertThat(pipeline.awaitSnapshot("onboarded", "onboarded-fs1", TIMEOUT).folderCount()).as("scanned on its schedule")
                .isEqualTo(13 + LabShare.WIDE_FOLDERS);
        assertThat(OperatorCommand.run(null, "source", "list", "--client", "onboarded", api[0], api[1], api[2], api[3]).stdout())
                .contains("onboarded-fs1").doesNotContain(EmbeddedSamba.PASSWORD);
        assertThat(OperatorCommand.run(null, "source", "remove", "--client", "onboarded", "--name", "fs1", api[0], api[1], api[2], api[3])
                .exitCode()).isZero();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /**
     * A local directory (passwd and group files) naming the Samba accounts with their real uids, as the client's people,
     * and the Unix group {@code groupSid} with one member.
     */
    private static Map<String, String> localDirectory(Path dir, String name, String clientId, String groupSid, String groupMember,
                                                      String... logins)
            throws java.io.IOException {
        StringBuilder passwd = new StringBuilder();
        for (String login : logins) {
            String uid = EmbeddedSamba.userSid(login).substring(WellKnownSids.UNIX_USER_PREFIX.length());
            passwd.append(login).append(":x:").append(uid).append(":").append(uid).append(":").append(login).append(":/nonexistent:/bin/bash\n");
        }
        Path passwdFile = Files.writeString(dir.resolve(name + ".passwd"), passwd.toString());
        String gid = groupSid.substring(WellKnownSids.UNIX_GROUP_PREFIX.length());
        Path groupFile = Files.writeString(dir.resolve(name + ".group"), "group-" + gid + ":x:" + gid + ":" + groupMember + "\n");
        return Map.of("aclens.collector.directories." + name + ".client-id", clientId,
                "aclens.collector.directories." + name + ".kind", "local",
                "aclens.collector.directories." + name + ".passwd-file", passwdFile.toString(),
                "aclens.collector.directories." + name + ".group-file", groupFile.toString(),
                "aclens.collector.directories." + name + ".min-uid", "0");
    }
}
