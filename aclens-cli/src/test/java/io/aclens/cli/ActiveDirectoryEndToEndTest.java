package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.aclens.access.ChangeCause;
import io.aclens.auth.Roles;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.nt.Sddl;
import io.aclens.access.nt.Sid;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.DirectoryChangeSetView;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.ScanView;
import io.aclens.embedded.TestCertificates;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Windows client end to end: an AD-like directory (UnboundID in-memory over LDAPS: binary objectSid,
 * primaryGroupID, nested groups, a disabled account, Cyrillic names) synced by the collector, a share uploaded by the agent
 * path as SDDL, and the four packaged services on a real broker and PostgreSQL. Checks the matrix by person,
 * the reasons for a cell, and that a membership change alone yields effective changes with their cause; and the
 * rules by which Windows decides beyond the DACL: a distribution group grants nothing, BUILTIN\Users holds an account
 * outside Domain Users, an entry left with raw generic bits grants nothing, a disabled account holds only a dormant level.
 */
class ActiveDirectoryEndToEndTest {
    private static final String BASE = "DC=contoso,DC=local";
    private static final String DOMAIN = "S-1-5-21-1004336348-1177238915-682003330";
    private static final String CLIENT = "contoso";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static Attribute sid(int rid) {
        return new Attribute("objectSid", Sid.parse(DOMAIN + "-" + rid).toBytes());
    }

    private static Entry user(String cn, int rid, String login, String fullName, String department, int uac) {
        return user(cn, rid, login, fullName, department, uac, 513);
    }

    private static Entry user(String cn, int rid, String login, String fullName, String department, int uac, int primaryGroup) {
        return new Entry("CN=" + cn + ",OU=Staff," + BASE, new Attribute("objectClass", "top", "person", "user"), sid(rid),
                new Attribute("sAMAccountName", login), new Attribute("userPrincipalName", login + "@contoso.local"),
                new Attribute("displayName", fullName), new Attribute("department", department),
                new Attribute("userAccountControl", String.valueOf(uac)), new Attribute("primaryGroupID", String.valueOf(primaryGroup)));
    }

    private static Entry group(String name, int rid, int groupType, String... members) {
        Entry group = new Entry("CN=" + name + "," + BASE, new Attribute("objectClass", "top", "group"), sid(rid),
                new Attribute("sAMAccountName", name), new Attribute("groupType", String.valueOf(groupType)));
        if (members.length > 0) {
            group.addAttribute("member", members);
        }
        return group;
    }

    private static String folder(String path, String sddl) {
        return "{\"path\":\"" + path.replace("\\", "\\\\") + "\",\"sddl\":\"" + sddl + "\"}\n";
    }

    @Test
    void matrixByPersonAndEffectiveChangesFromAMembershipChange(@TempDir Path dir) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        // LDAPS with a certificate the collector knows only through its configured trust store, as with an MSP's own CA
        // a certificate naming the host the collector connects to: it verifies the name, as it must
        Path keyStore = TestCertificates.keyStore(dir, "localhost", "dns:localhost", "ip:127.0.0.1");
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), TestCertificates.PASSWORD.toCharArray(), "PKCS12", null), null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("LDAPS", InetAddress.getLoopbackAddress(), 0,
                serverSsl.createSSLServerSocketFactory(), null));
        config.addAdditionalBindCredentials("CN=svc-aclens,OU=Service," + BASE, "bind-secret");
        InMemoryDirectoryServer ldap = new InMemoryDirectoryServer(config);
        ldap.startListening();
        String petrovaDn = "CN=Мария Петрова,OU=Staff," + BASE;
        String smithDn = "CN=John Smith,OU=Staff," + BASE;
        ldap.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "contoso")));
        ldap.add(new Entry("OU=Staff," + BASE, new Attribute("objectClass", "organizationalUnit"), new Attribute("ou", "Staff")));
        ldap.add(user("Мария Петрова", 1105, "petrova", "Мария Петрова", "Бухгалтерия", 512));
        ldap.add(user("John Smith", 1106, "smith", "John Smith", "Sales", 512));
        ldap.add(user("Old Employee", 1107, "old.employee", "Old Employee", "Sales", 514));
        ldap.add(group("Domain Users", 513, -2147483646));
        ldap.add(group("Accounting", 2001, -2147483646, petrovaDn));
        ldap.add(group("Finance-All", 2002, -2147483644, "CN=Accounting," + BASE));
        ldap.add(group("Sales", 2003, -2147483646, smithDn, "CN=Old Employee,OU=Staff," + BASE));
        ldap.add(group("Newsletter", 2004, 8, smithDn)); // universal distribution: no security bit
        ldap.add(group("Contractors", 1300, -2147483646));
        ldap.add(user("Kim Contractor", 1108, "contractor", "Kim Contractor", "External", 512, 1300)); // outside Domain Users

        String root = "\\\\fs1\\share";
        byte[] export = (folder(root, "O:BAD:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;" + DOMAIN + "-513)")
                + folder(root + "\\Finance", "O:BAD:AI(A;OICI;0x1301bf;;;" + DOMAIN + "-2002)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;"
                + DOMAIN + "-513)")
                + folder(root + "\\Finance\\Payroll", "O:BAD:PAI(D;OICI;0x116;;;" + DOMAIN + "-1105)(A;OICI;0x1301bf;;;" + DOMAIN
                + "-2001)(A;OICI;FA;;;BA)")
                + folder(root + "\\Sales", "O:BAD:AI(A;OICI;0x1301bf;;;" + DOMAIN + "-2003)(A;;FA;;;" + DOMAIN
                + "-9999)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;" + DOMAIN + "-513)")
                + folder(root + "\\News", "O:BAD:PAI(A;OICI;0x1301bf;;;" + DOMAIN + "-2004)(A;OICI;FA;;;BA)")
                + folder(root + "\\Public", "O:BAD:PAI(A;OICI;0x1200a9;;;BU)(A;OICI;FA;;;BA)")
                + folder(root + "\\Tools", "O:BAD:PAI(A;OICI;GR;;;" + DOMAIN + "-2003)(A;OICI;FA;;;BA)")).getBytes(StandardCharsets.UTF_8);
        Path passwordFile = Files.writeString(dir.resolve("bind-password"), "bind-secret\n");

        StackConfig stackConfig = StackConfig.of(Aclens.home(), dir.resolve("data"), true).withCollectorProperties(Map.of(
                "aclens.collector.directories.contoso-ad.client-id", CLIENT,
                "aclens.collector.directories.contoso-ad.kind", "active-directory",
                "aclens.collector.directories.contoso-ad.url", "ldaps://127.0.0.1:" + ldap.getListenPort(),
                "aclens.collector.directories.contoso-ad.trust-store", keyStore.toAbsolutePath().toString(),
                "aclens.collector.directories.contoso-ad.trust-store-password", TestCertificates.PASSWORD,
                "aclens.collector.directories.contoso-ad.base-dn", BASE,
                "aclens.collector.directories.contoso-ad.bind-dn", "CN=svc-aclens,OU=Service," + BASE,
                "aclens.collector.directories.contoso-ad.password-file", passwordFile.toString()));
        try (Stack stack = Stack.start(stackConfig, System.out::println)) {
            PipelineClient pipeline = new PipelineClient(stack);
            assertThat(pipeline.awaitDirectoryDiffed(pipeline.startDirectorySync("contoso-ad"), TIMEOUT).baseline()).isTrue();
            assertThat(TenancyEndToEndTest.registerAgentSource(stack, CLIENT, "agent:fs1-share").exitCode()).isZero();
            String agentToken = stack.tokens().issue("fs1-agent", Roles.AGENT, List.of(CLIENT), Duration.ofDays(1));
            ScanView scan = pipeline.awaitCommitted(pipeline.uploadAgentExport(CLIENT, "agent:fs1-share", root, agentToken, export), TIMEOUT);
            pipeline.awaitChangeSet(scan.snapshotId(), TIMEOUT);
            pipeline.awaitReportable(CLIENT, scan.sourceId(), scan.snapshotId(), TIMEOUT);

            String payrollSddl = "O:BAD:PAI(D;OICI;0x116;;;" + DOMAIN + "-1105)(A;OICI;0x1301bf;;;" + DOMAIN + "-2001)(A;OICI;FA;;;BA)";
            assertThat(pipeline.folders(scan.snapshotId(), 100).items()).as("the snapshot keeps each descriptor as uploaded")
                    .filteredOn(f -> f.path().equals(root + "\\Finance\\Payroll")).singleElement()
                    .satisfies(f -> assertThat(Sddl.parse(f.sddl())).isEqualTo(Sddl.parse(payrollSddl)));

            CellAccessView finance = pipeline.access(CLIENT, "petrova", root + "\\Finance");
            assertThat(finance.level()).isEqualTo(Level.MODIFY);
            assertThat(finance.reasons()).containsExactly(
                    "Modify (read, change, delete) via Accounting → Finance-All (allow, explicit)",
                    "Read & execute via Domain Users (allow, inherited from \\\\fs1\\share)");
            assertThat(pipeline.access(CLIENT, "petrova", root + "\\Finance\\Payroll").level())
                    .as("her own deny on write beats the group's allow").isEqualTo(Level.READ_EXECUTE);
            assertThat(pipeline.access(CLIENT, "smith", root + "\\Finance\\Payroll").level()).isEqualTo(Level.NONE);
            assertThat(pipeline.access(CLIENT, "smith", root + "\\Sales").level()).isEqualTo(Level.MODIFY);
            assertThat(pipeline.access(CLIENT, "smith", root + "\\News").level()).as("rule 1: a distribution group grants nothing")
                    .isEqualTo(Level.NONE);
            CellAccessView publicFolder = pipeline.access(CLIENT, "contractor", root + "\\Public");
            assertThat(publicFolder.level()).as("rule 2: BUILTIN\\Users holds an account outside Domain Users").isEqualTo(Level.READ_EXECUTE);
            assertThat(publicFolder.reasons()).containsExactly(
                    "Read & execute via NT AUTHORITY\\Authenticated Users → BUILTIN\\Users (allow, explicit)");
            CellAccessView tools = pipeline.access(CLIENT, "smith", root + "\\Tools");
            assertThat(tools.level()).as("rule 3: an entry left with raw generic bits grants nothing").isEqualTo(Level.NONE);
            assertThat(tools.reasons()).containsExactly("No access via Sales (allow, explicit): holds GENERIC_READ unmapped: grants nothing here");

            Instant beforeChange = Instant.now().minusSeconds(1);
            ldap.modify("CN=Accounting," + BASE, new Modification(ModificationType.ADD, "member", smithDn));
            ldap.modify("CN=Мария Петрова,OU=Staff," + BASE, new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
            DirectoryChangeSetView changed = pipeline.awaitDirectoryDiffed(pipeline.startDirectorySync("contoso-ad"), TIMEOUT);

            List<EffectiveChangeView> changes = pipeline.effectiveChanges(CLIENT, beforeChange);
            assertThat(changes).extracting(c -> c.login() + " | " + c.path() + " | " + c.kind() + " | " + c.after() + " | " + c.cause()
                            + " | " + c.detail())
                    .containsExactlyInAnyOrder(
                            "smith | " + root + "\\Finance | " + ChangeKind.RAISED + " | MODIFY | " + ChangeCause.MEMBERSHIP
                                    + " | joined Accounting, Finance-All",
                            "smith | " + root + "\\Finance\\Payroll | " + ChangeKind.GRANTED + " | MODIFY | " + ChangeCause.MEMBERSHIP
                                    + " | joined Accounting, Finance-All",
                            "petrova | " + root + " | REVOKED | NONE | ACCOUNT | account disabled",
                            "petrova | " + root + "\\Finance | REVOKED | NONE | ACCOUNT | account disabled",
                            "petrova | " + root + "\\Finance\\Payroll | REVOKED | NONE | ACCOUNT | account disabled",
                            "petrova | " + root + "\\Sales | REVOKED | NONE | ACCOUNT | account disabled",
                            "petrova | " + root + "\\Public | REVOKED | NONE | ACCOUNT | account disabled");
            assertThat(changed.changeCount()).isEqualTo(changes.size());
            CellAccessView disabled = pipeline.access(CLIENT, "petrova", root + "\\Finance");
            assertThat(disabled.level()).as("rule 4: a disabled account cannot log on").isEqualTo(Level.NONE);
            assertThat(disabled.dormantLevel()).as("what she would regain if re-enabled").isEqualTo(Level.MODIFY);
            assertThat(disabled.accountState()).isEqualTo("account disabled");

            ReportWorkbook report = new ReportWorkbook(Files.write(dir.resolve("report.xlsx"), pipeline.report(CLIENT)));
            assertThat(report.people.get(root + "\\Finance")).as("disabled accounts show their dormant level in brackets")
                    .isEqualTo(Map.of("smith", "M", "petrova", "(M)", "old.employee", "(RX)"));
            assertThat(report.people.get(root + "\\Sales")).isEqualTo(Map.of("smith", "M", "old.employee", "(M)", "petrova", "(RX)"));
            assertThat(report.matrix.get(root + "\\Sales")).as("an orphaned SID stays visible by group").containsKey(DOMAIN + "-9999");
            assertThat(report.peopleChanges).hasSize(changes.size());
            String logs = Files.readString(stackConfig.dataDir().resolve("logs/collector-service.log"));
            assertThat(logs).as("the bind password never reaches a log").doesNotContain("bind-secret");
        } finally {
            ldap.shutDown(true);
        }
    }
}
