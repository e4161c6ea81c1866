package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.cli.demo.Demo;
import io.aclens.cli.stack.StackConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four packaged services together against one real Kafka broker and one real PostgreSQL, driven exactly
 * as `./aclens demo` drives them. Needs the services built (the reactor builds them before this module)
 * and the `acl` package for setfacl (.ci/run installs it).
 */
class EndToEndTest {
    private static final String USER = System.getProperty("user.name");

    private static Demo.Result demo(Path root, Path data, Path out, String client) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            return new Demo(new PrintStream(log, true, StandardCharsets.UTF_8))
                    .run(new Demo.Options(root, out, client, null, StackConfig.of(Aclens.home(), data, true)));
        } finally {
            System.out.println(log.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void sampleShareReportShowsEachAclAndExactlyTheChangesMade(@TempDir Path dir) throws Exception {
        Demo.Result result = demo(null, dir.resolve("data"), dir.resolve("out"), "e2e-sample");

        assertThat(result.lastChangeSet().changeCount()).isEqualTo(5);
        assertThat(result.lastScan().baselineSnapshotId()).as("scan 2 sent only what changed since scan 1").isNotNull();
        assertThat(result.lastScan().unchangedFolders()).isPositive();
        ReportWorkbook report = new ReportWorkbook(result.report());
        Path share = dir.resolve("data/sample/share");
        String ownerGroup = groupName(dir.resolve("data/sample/group"), ((Number) Files.getAttribute(share, "unix:gid")).longValue());
        Map<String, Map<String, String>> expected = new HashMap<>();
        expected.put("", Map.of("all-staff (group)", "RX", "it-admins (group)", "M", ownerGroup + " (group)", "RX"));
        expected.put("/HR", Map.of("kozlova", "M", "hr (group)", "M"));
        expected.put("/HR/Personnel files", Map.of("kozlova", "M"));
        expected.put("/IT", Map.of("it-admins (group)", "M"));
        expected.put("/Projects", Map.of("all-staff (group)", "M"));
        expected.put("/Public", Map.of("all-staff (group)", "M", "Everyone", "RX"));
        expected.put("/Sales", Map.of("accounting (group)", "RX", "sales (group)", "M"));
        expected.put("/Sales/Clients", Map.of("petrov", "M", "sales (group)", "M"));
        expected.put("/Бухгалтерия", Map.of("ivanova", "M", "accounting (group)", "M", "it-admins (group)", "M", "sales (group)", "RX"));
        expected.put("/Бухгалтерия/Invoices", Map.of("accounting (group)", "M"));
        expected.put("/Бухгалтерия/Зарплата 2026", Map.of("ivanova", "M", "accounting (group)", "RX"));
        assertThat(report.matrix).hasSize(expected.size());
        expected.forEach((relative, cells) -> {
            Map<String, String> withOwner = new HashMap<>(cells);
            withOwner.put(USER, "F"); // the owner can always change permissions
            assertThat(report.matrix.get(share + relative)).as(relative).isEqualTo(withOwner);
        });
        // By person: effective levels under POSIX rules after petrov joined accounting and kozlova was disabled.
        assertThat(report.people.get(share + "/Бухгалтерия")).isEqualTo(Map.of("ivanova", "M", "petrov", "M", "smith", "M"));
        assertThat(report.people.get(share + "/Бухгалтерия/Зарплата 2026")).isEqualTo(Map.of("ivanova", "M", "petrov", "RX"));
        assertThat(report.people.get(share + "/HR")).as("kozlova's account is disabled: she holds nothing, her dormant level is bracketed")
                .isEqualTo(Map.of("kozlova", "(M)"));
        assertThat(report.people.get(share + "/Public")).isEqualTo(Map.of("ivanova", "M", "petrov", "M", "smith", "M", "kozlova", "(M)"));
        String acl = "acl edit | the folder's permissions were edited";
        String joined = "membership | joined accounting";
        String disabled = "account | account disabled";
        assertThat(report.peopleChanges).containsExactlyInAnyOrder(
                "petrov | " + share + "/Sales/Clients | raised | " + acl,
                "petrov | " + share + "/Бухгалтерия | granted | " + acl,
                "petrov | " + share + "/Бухгалтерия | raised | " + joined,
                "petrov | " + share + "/Бухгалтерия/Invoices | granted | " + joined,
                "petrov | " + share + "/Бухгалтерия/Зарплата 2026 | granted | " + joined,
                "kozlova | " + share + " | revoked | " + disabled,
                "kozlova | " + share + "/HR | revoked | " + disabled,
                "kozlova | " + share + "/HR/Personnel files | revoked | " + disabled,
                "kozlova | " + share + "/Projects | revoked | " + disabled,
                "kozlova | " + share + "/Public | revoked | " + disabled);
        assertThat(result.effectiveChanges()).hasSize(10);
        assertPackageMailedInRussian(result.mail(), "e2e-sample");
        assertThat(report.changes).containsExactlyInAnyOrder(
                share + "/Бухгалтерия | granted | sales",
                share + "/Бухгалтерия/Зарплата 2026 | revoked | uid 21099",
                share + "/Sales/Clients | raised | petrov",
                share + "/Public | lowered | Everyone",
                share + "/Projects | folder added | ");
    }

    /** The package as the demo's SMTP server received it: in Russian, with this run's changes and the workbook attached. */
    private static void assertPackageMailedInRussian(Path eml, String client) throws Exception {
        try (java.io.InputStream in = Files.newInputStream(eml)) {
            jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()), in);
            assertThat(mail.getSubject()).startsWith("Права доступа к папкам: " + client);
            assertThat(mail.getMessageID()).startsWith("<delivery.");
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
            StringBuilder text = new StringBuilder();
            boolean workbook = false;
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    workbook = part.getFileName().endsWith(".xlsx") && part.getInputStream().readAllBytes().length > 0;
                } else if (part.getContent() instanceof jakarta.mail.Multipart alternatives) {
                    for (int j = 0; j < alternatives.getCount(); j++) {
                        text.append(alternatives.getBodyPart(j).getContent());
                    }
                }
            }
            assertThat(workbook).as("the workbook is attached").isTrue();
            assertThat(text.toString()).contains("Папок: 11").contains("Изменений фактического доступа сотрудников: 10")
                    .contains("Пётр Петров: Чтение и выполнение → Изменение")
                    .contains("Отключённая или просроченная учётная запись всё ещё указана в разрешениях: kozlova — папок: 2");
        }
    }

    @Test
    void secondRunOverTheSameTreeReportsExactlyWhatSetfaclChanged(@TempDir Path dir) throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("A"));
        Files.createDirectories(tree.resolve("B b/C"));
        setfacl("-m", "u:40001:rwx", tree.resolve("A"));
        setfacl("-m", "g:40002:r-x", tree.resolve("B b"));
        setfacl("-m", "u:40003:r-x", tree.resolve("B b/C"));
        Path data = dir.resolve("data");

        Demo.Result first = demo(tree, data, dir.resolve("out1"), "e2e-root");
        assertThat(first.lastChangeSet().baseline()).isTrue();
        ReportWorkbook before = new ReportWorkbook(first.report());
        assertThat(before.matrix.get(tree + "/A")).containsEntry("uid 40001", "M");
        assertThat(before.matrix.get(tree + "/B b")).containsEntry("gid 40002", "RX");
        assertThat(before.matrix.get(tree + "/B b/C")).containsEntry("uid 40003", "RX").doesNotContainKey("uid 40004");

        setfacl("-m", "u:40001:r-x", tree.resolve("A"));
        setfacl("-x", "g:40002", tree.resolve("B b"));
        setfacl("-m", "u:40004:rwx", tree.resolve("B b/C"));
        Demo.Result second = demo(tree, data, dir.resolve("out2"), "e2e-root");

        ReportWorkbook after = new ReportWorkbook(second.report());
        assertThat(after.changes).containsExactlyInAnyOrder(
                tree + "/A | lowered | uid 40001",
                tree + "/B b | revoked | gid 40002",
                tree + "/B b/C | granted | uid 40004");
        assertThat(after.matrix.get(tree + "/B b/C")).containsEntry("uid 40004", "M").containsEntry("uid 40003", "RX");
        assertThat(second.lastScan().baselineSnapshotId()).as("the rescan sent only what changed since the first run's snapshot")
                .isEqualTo(first.lastScan().snapshotId());
        assertThat(second.lastScan().unchangedFolders()).as("the root, unchanged, was not sent").isEqualTo(1);
        assertThat(second.peakMemoryMib()).containsKeys("collector-service", "snapshot-service", "diff-service", "report-service");
    }

    private static void setfacl(String action, String entry, Path path) throws Exception {
        Process process = new ProcessBuilder(List.of("setfacl", action, entry, path.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("setfacl " + action + " " + entry + ": " + output).isZero();
    }

    private static String groupName(Path groupFile, long gid) throws IOException {
        return Files.readAllLines(groupFile).stream().map(line -> line.split(":", -1))
                .filter(fields -> fields.length > 2 && fields[2].equals(Long.toString(gid))).map(fields -> fields[0])
                .findFirst().orElse("gid " + gid);
    }
}
