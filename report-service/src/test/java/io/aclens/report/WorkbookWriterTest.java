package io.aclens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMatrix;
import io.aclens.access.Ace;
import io.aclens.access.AccessMask;
import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.MatrixFolder;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.contracts.api.ChangeView;
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

        byte[] bytes = WorkbookWriter.write(new ReportContent("acme", Instant.now(), List.of(new ReportContent.SourceMatrix(snapshot, matrix)),
                List.of(change), Instant.now().minusSeconds(86400 * 30), directory));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Access matrix");
            assertThat(workbook.getSheet("Changes")).isNotNull();
            assertThat(workbook.getSheet("Legend")).isNotNull();
            assertThat(workbook.getSheet("Scan coverage")).isNotNull();
            Sheet sheet = workbook.getSheet("Access matrix");
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
            Row changeRow = workbook.getSheet("Changes").getRow(3);
            assertThat(changeRow.getCell(2).getStringCellValue()).isEqualTo("raised");
            assertThat(changeRow.getCell(5).getStringCellValue()).isEqualTo("Read");
            assertThat(changeRow.getCell(6).getStringCellValue()).isEqualTo("Modify (read, change, delete)");
        }
    }
}
