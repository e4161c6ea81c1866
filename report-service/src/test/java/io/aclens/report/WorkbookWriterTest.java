package io.aclens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMatrix;
import io.aclens.access.Ace;
import io.aclens.access.findings.Finding;
import io.aclens.access.findings.FindingKind;
import io.aclens.access.AccessMask;
import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.DepartmentScope;
import io.aclens.access.ReadableRows;
import io.aclens.access.Level;
import io.aclens.access.MatrixFolder;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.report.excel.ReportContent;
import io.aclens.report.excel.WorkbookWriter;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookWriterTest {

    @Test
    void matrixChangesAndLegendAreWrittenAsText() throws Exception {
        Principal anna = new Principal("S-1-22-1-7", "anna", "Анна Иванова", PrincipalKind.USER);
        Principal finance = new Principal("S-1-22-2-8", "finance", null, PrincipalKind.GROUP);
        Map<String, Principal> directory = Map.of(anna.sid(), anna, finance.sid(), finance);
        String formulaLike = "=SUM(A1:A9)*2";
        AccessMatrix matrix = AccessMatrix.of(List.of(
                new MatrixFolder("/srv", 0, List.of(Ace.allow(anna.sid(), AccessMask.FULL_CONTROL)), false, null),
                new MatrixFolder("/srv/" + formulaLike, 1, List.of(Ace.allow(finance.sid(), AccessMask.MODIFY),
                        Ace.allow(anna.sid(), AccessMask.READ)), true, null)), directory::get);
        SnapshotView snapshot = new SnapshotView(3, "acme", "fs1", "scan-1", "/srv", 2L, 2, 0, Instant.now(), Instant.now());
        ChangeView change = new ChangeView(1, 3, "acme", "fs1", "/srv/" + formulaLike, ChangeKind.RAISED, finance.sid(), "finance",
                Level.READ, Level.MODIFY, ChangeCause.ACL_EDIT, Instant.now());

        DirectoryState people = new DirectoryState(List.of(
                new DirectoryEntry(anna.sid(), PrincipalKind.USER, "anna", null, "Анна Иванова", null, "Бухгалтерия", null, true, null, null, null,
                        List.of(finance.sid())),
                new DirectoryEntry("S-1-22-1-9", PrincipalKind.USER, "bob", null, "Bob Stone", null, "Sales", null, true, null, null, null, List.of()),
                DirectoryEntry.group(finance.sid(), "finance", "posix", List.of())));
        EffectiveChangeView lost = new EffectiveChangeView(1, "directory-snapshot-2", "acme", "fs1", "/srv", "S-1-22-1-9", "bob", "Bob Stone",
                ChangeKind.REVOKED, Level.READ, Level.NONE, ChangeCause.MEMBERSHIP, "left finance", Instant.now());

        byte[] bytes = WorkbookWriter.write(new ReportContent("acme", Instant.now(),
                List.of(new ReportContent.SourceMatrix(snapshot, matrix, PeopleMatrix.of(matrix.rows(), people, false))),
                List.of(change), List.of(lost), Instant.now().minusSeconds(86400 * 30), directory,
                List.of(new Finding("k", FindingKind.BROAD_GROUP_CAN_CHANGE, "fs1", "Everyone", 2, List.of("/srv", "/srv/Finance"), List.of())), "en", ReportContent.Layout.FULL));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row finding = workbook.getSheet("Findings").getRow(3);
            assertThat(finding.getCell(0).getStringCellValue()).isEqualTo("high");
            assertThat(finding.getCell(1).getStringCellValue()).isEqualTo(FindingKind.BROAD_GROUP_CAN_CHANGE.title("en"));
            assertThat(finding.getCell(4).getNumericCellValue()).isEqualTo(2);
            assertThat(finding.getCell(5).getStringCellValue()).isEqualTo("/srv\n/srv/Finance");
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Access by person");
            assertThat(workbook.getSheet("ACL changes")).isNotNull();
            assertThat(workbook.getSheet("Legend")).isNotNull();
            assertThat(workbook.getSheet("Scan coverage")).isNotNull();

            Sheet byPerson = workbook.getSheet("Access by person");
            assertThat(byPerson.getRow(3).getCell(4).getStringCellValue()).as("people by full name").isEqualTo("anna");
            assertThat(byPerson.getRow(4).getCell(4).getStringCellValue()).isEqualTo("Анна Иванова · Бухгалтерия");
            assertThat(byPerson.getRow(3).getCell(3).getStringCellValue()).isEqualTo("bob");
            assertThat(byPerson.getRow(5).getCell(4).getStringCellValue()).isEqualTo("F");
            assertThat(((org.apache.poi.xssf.usermodel.XSSFColor) byPerson.getRow(5).getCell(4).getCellStyle().getFillForegroundColorColor())
                    .getARGBHex()).as("full control's colour").endsWith("F4B084");
            assertThat(byPerson.getLastRowNum()).as("one row per folder below the header").isEqualTo(6);
            assertThat(byPerson.getRow(6).getCell(4).getStringCellValue()).as("through finance").isEqualTo("M");
            assertThat(byPerson.getRow(6).getCell(3)).as("bob has no access").isNull();
            assertThat(byPerson.getRow(6).getCell(4).getCellComment().getString().getString())
                    .contains("Modify (read, change, delete) via finance (allow, explicit)")
                    .contains("Read via anna (named directly) (allow, explicit)");
            Row lostRow = workbook.getSheet("Changes by person").getRow(3);
            assertThat(lostRow.getCell(1).getStringCellValue()).isEqualTo("bob");
            assertThat(lostRow.getCell(4).getStringCellValue()).isEqualTo("revoked");
            assertThat(lostRow.getCell(7).getStringCellValue()).isEqualTo("membership");
            assertThat(lostRow.getCell(8).getStringCellValue()).isEqualTo("left finance");

            Sheet sheet = workbook.getSheet("Access by group");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("anna");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("Анна Иванова");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("finance");
            Row root = sheet.getRow(5);
            assertThat(root.getCell(0).getStringCellValue()).isEqualTo("/srv");
            assertThat(root.getCell(3).getStringCellValue()).isEqualTo("F");
            assertThat(root.getCell(4)).as("no access, no cell").isNull();
            Row child = sheet.getRow(6);
            assertThat(child.getCell(0).getCellType()).as("folder names never become formulas").isEqualTo(CellType.STRING);
            assertThat(child.getCell(0).getStringCellValue()).isEqualTo(formulaLike);
            assertThat(child.getCell(2).getStringCellValue()).isEqualTo("inheritance broken");
            assertThat(child.getCell(3).getStringCellValue()).isEqualTo("R");
            assertThat(child.getCell(4).getStringCellValue()).isEqualTo("M");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row changeRow = workbook.getSheet("ACL changes").getRow(3);
            assertThat(changeRow.getCell(2).getStringCellValue()).isEqualTo("raised");
            assertThat(changeRow.getCell(5).getStringCellValue()).isEqualTo("Read");
            assertThat(changeRow.getCell(6).getStringCellValue()).isEqualTo("Modify (read, change, delete)");
        }
    }

    @Test
    void hostileAndOverlongNamesStayTextWithinExcelsLimits() throws Exception {
        // a name Excel would take for a formula, with a tab, a newline and a right-to-left override, 40,000 characters long
        String hostile = "=HYPERLINK(\"x\")\t\n\u202E" + "я".repeat(40_000);
        AccessMatrix matrix = AccessMatrix.of(List.of(
                new MatrixFolder("/srv", 0, List.of(Ace.allow("S-1-22-2-8", AccessMask.MODIFY)), false, null),
                new MatrixFolder("/srv/" + hostile, 1, List.of(Ace.allow("S-1-22-2-8", AccessMask.MODIFY)), false, null)),
                sid -> new Principal(sid, "finance", null, PrincipalKind.GROUP));
        SnapshotView snapshot = new SnapshotView(3, "acme", "fs1", "scan-1", "/srv", null, 2, 0, Instant.now(), Instant.now());

        byte[] bytes = WorkbookWriter.write(new ReportContent("acme", Instant.now(), List.of(new ReportContent.SourceMatrix(snapshot, matrix,
                null)), List.of(), List.of(), Instant.now().minusSeconds(86400 * 30), Map.of(), List.of(), "en", ReportContent.Layout.FULL));

        // 40,000 repeated letters compress so well that POI's reader takes them for a zip bomb; Excel does not
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.0001);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row row = workbook.getSheet("Access by group").getRow(6);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).hasSize(WorkbookWriter.MAX_CELL_CHARS).startsWith("=HYPERLINK(")
                    .endsWith(WorkbookWriter.CUT_MARKER);
            assertThat(row.getCell(1).getStringCellValue()).as("the path too").hasSize(WorkbookWriter.MAX_CELL_CHARS);
        }
    }

    @Test
    void theWorkbookSpeaksRussianWhenAskedEveryWordOfIt() throws Exception {
        Principal anna = new Principal("S-1-22-1-1", "anna", "Анна Иванова", PrincipalKind.USER);
        AccessMatrix matrix = AccessMatrix.of(List.of(new MatrixFolder("/srv", 0, List.of(Ace.allow(anna.sid(), AccessMask.FULL_CONTROL)), false, null),
                new MatrixFolder("/srv/HR", 1, List.of(Ace.allow(anna.sid(), AccessMask.MODIFY)), true, null)), sid -> anna);
        SnapshotView snapshot = new SnapshotView(3, "acme", "fs1", "scan-1", "/srv", 2L, 2, 0, Instant.now(), Instant.now());
        ChangeView change = new ChangeView(1, 3, "acme", "fs1", "/srv/HR", ChangeKind.RAISED, anna.sid(), "anna", Level.READ, Level.MODIFY,
                ChangeCause.ACL_EDIT, Instant.now());

        DirectoryState directory = new DirectoryState(List.of(
                new DirectoryEntry(anna.sid(), PrincipalKind.USER, "anna", null, "Анна Иванова", null, null, null, true, null, null, null, List.of()),
                new DirectoryEntry("S-1-22-1-2", PrincipalKind.USER, "oleg", null, "Олег Старый", null, null, null, false, null, "S-1-22-2-9", null,
                        List.of())));
        AccessMatrix withGroup = AccessMatrix.of(List.of(new MatrixFolder("/srv", 0, List.of(Ace.allow(anna.sid(), AccessMask.FULL_CONTROL),
                Ace.allow("S-1-22-2-9", AccessMask.READ)), false, null)), sid -> anna);
        byte[] bytes = WorkbookWriter.write(new ReportContent("acme", Instant.now(), List.of(new ReportContent.SourceMatrix(snapshot, matrix, null),
                new ReportContent.SourceMatrix(snapshot, withGroup, PeopleMatrix.of(withGroup.rows(), directory, true))),
                List.of(change), List.of(), Instant.now().minusSeconds(86400), Map.of(anna.sid(), anna),
                List.of(new Finding("k", FindingKind.INHERITANCE_BROKEN, "fs1", "", 1, List.of("/srv/HR"), List.of())), "ru", ReportContent.Layout.FULL));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<String> sheets = new java.util.ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).contains("Изменения по сотрудникам", "Изменения разрешений", "Риски", "Охват сканирования", "Обозначения");
            Sheet groups = workbook.getSheetAt(0);
            assertThat(groups.getRow(6).getCell(2).getStringCellValue()).isEqualTo("наследование отключено");
            Sheet people = workbook.getSheetAt(1);
            assertThat(people.getRow(4).getCell(4).getStringCellValue()).as("a disabled account's state")
                    .startsWith("(учётная запись отключена)");
            assertThat(people.getRow(5).getCell(3).getCellComment().getString().getString()).as("the reasons in the package's language")
                    .isEqualTo(Level.FULL.description("ru") + " через anna (указан напрямую) (разрешение, явное)");
            assertThat(people.getRow(5).getCell(4).getCellComment().getString().getString())
                    .startsWith("Нет доступа: учётная запись отключена; скрытый уровень «" + Level.READ.description("ru") + "»");
            Row changed = workbook.getSheet("Изменения разрешений").getRow(3);
            assertThat(changed.getCell(2).getStringCellValue()).isEqualTo("повышен");
            assertThat(changed.getCell(6).getStringCellValue()).isEqualTo("Изменение (чтение, изменение, удаление)");
            assertThat(changed.getCell(7).getStringCellValue()).isEqualTo("изменение разрешений");
            assertThat(workbook.getSheet("Риски").getRow(3).getCell(0).getStringCellValue()).isEqualTo("низкая");
            assertThat(workbook.getSheet("Обозначения").getRow(3).getCell(1).getStringCellValue()).isEqualTo("Особые разрешения (не совпадают ни с одним стандартным уровнем)");
        }
    }

    @Test
    void aReadableMatrixListsOnlyTheFoldersWhereAccessChanges() throws Exception {
        Principal anna = new Principal("S-1-22-1-1", "anna", "Анна Иванова", PrincipalKind.USER);
        AccessMatrix matrix = AccessMatrix.of(List.of(new MatrixFolder("/srv", 0, List.of(Ace.allow(anna.sid(), AccessMask.FULL_CONTROL)), false, null),
                new MatrixFolder("/srv/Same", 1, List.of(Ace.allow(anna.sid(), AccessMask.FULL_CONTROL)), false, null),
                new MatrixFolder("/srv/Same/Other", 2, List.of(Ace.allow(anna.sid(), AccessMask.READ)), false, null)), sid -> anna);
        SnapshotView snapshot = new SnapshotView(3, "acme", "fs1", "scan-1", "/srv", 2L, 3, 0, Instant.now(), Instant.now());

        byte[] bytes = WorkbookWriter.write(new ReportContent("acme", Instant.now(), List.of(new ReportContent.SourceMatrix(snapshot, matrix, null)),
                List.of(), List.of(), Instant.now().minusSeconds(86400), Map.of(anna.sid(), anna), List.of(), "en",
                ReportContent.Layout.READABLE));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet groups = workbook.getSheet("Access by group");
            assertThat(groups.getRow(1).getCell(0).getStringCellValue()).contains("differs from their parent's are listed: 2 of 3 folders");
            assertThat(groups.getRow(5).getCell(1).getStringCellValue()).isEqualTo("/srv");
            assertThat(groups.getRow(6).getCell(1).getStringCellValue()).as("the same access as its parent: left out").isEqualTo("/srv/Same/Other");
            assertThat(groups.getRow(7)).isNull();
        }
    }

    @Test
    void aDepartmentsPackageShowsItsPeopleAndOnlyTheFoldersTheyReach() throws Exception {
        Principal finance = new Principal("S-1-22-2-8", "finance", null, PrincipalKind.GROUP);
        DirectoryState directory = new DirectoryState(List.of(
                new DirectoryEntry("S-1-22-1-7", PrincipalKind.USER, "anna", null, "Анна Иванова", null, "Бухгалтерия", null, true, null, null, null,
                        List.of(finance.sid())),
                new DirectoryEntry("S-1-22-1-9", PrincipalKind.USER, "bob", null, "Bob Stone", null, "Sales", null, true, null, null, null, List.of()),
                DirectoryEntry.group(finance.sid(), "finance", "posix", List.of())));
        AccessMatrix matrix = AccessMatrix.of(List.of(
                new MatrixFolder("/srv", 0, List.of(Ace.allow("S-1-22-1-9", AccessMask.READ)), false, null),
                new MatrixFolder("/srv/Finance", 1, List.of(Ace.allow(finance.sid(), AccessMask.MODIFY)), true, null),
                new MatrixFolder("/srv/Sales", 1, List.of(Ace.allow("S-1-22-1-9", AccessMask.MODIFY)), true, null)),
                sid -> directory.principal(sid).orElseThrow());
        PeopleMatrix people = PeopleMatrix.of(matrix.rows(), directory, false);
        List<String> departments = List.of("бухгалтерия");
        SnapshotView snapshot = new SnapshotView(3, "acme", "fs1", "scan-1", "/srv", 2L, 3, 0, Instant.now(), Instant.now());

        byte[] bytes = WorkbookWriter.write(new ReportContent("acme", Instant.now(),
                List.of(new ReportContent.SourceMatrix(snapshot, matrix, people, DepartmentScope.of(people, departments))), List.of(), List.of(),
                Instant.now().minusSeconds(86400), Map.of(), List.of(), "en",
                new ReportContent.Layout(false, ReadableRows.ANY_DEPTH, List.of(), departments, java.util.Set.of())));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet byPerson = workbook.getSheet("Access by person");
            assertThat(byPerson.getRow(1).getCell(0).getStringCellValue()).contains("people of бухгалтерия can reach");
            assertThat(byPerson.getRow(3).getCell(3).getStringCellValue()).as("the department's people, compared without case").isEqualTo("anna");
            assertThat(byPerson.getRow(3).getCell(4)).as("no one else").isNull();
            assertThat(byPerson.getRow(5).getCell(1).getStringCellValue()).isEqualTo("/srv/Finance");
            assertThat(byPerson.getRow(5).getCell(3).getStringCellValue()).isEqualTo("M");
            assertThat(byPerson.getRow(6)).as("folders only Sales can reach are left out").isNull();
            Sheet groups = workbook.getSheet("Access by group");
            assertThat(groups.getRow(5).getCell(1).getStringCellValue()).isEqualTo("/srv/Finance");
            assertThat(groups.getRow(6)).isNull();
        }
    }
}
