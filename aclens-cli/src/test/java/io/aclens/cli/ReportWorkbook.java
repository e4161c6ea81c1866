package io.aclens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads back what a report shows: matrix cells by folder path and column, and the changes sheet's rows. */
final class ReportWorkbook {
    /** Folder path to (column to level code); a group column is named "name (group)". */
    final Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
    /** Each change as "path | change | account". */
    final Set<String> changes = new HashSet<>();

    ReportWorkbook(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Access matrix");
            Row logins = sheet.getRow(3);
            Row kinds = sheet.getRow(4);
            List<String> columns = new ArrayList<>();
            for (int c = 3; c < logins.getLastCellNum(); c++) {
                String kind = text(kinds.getCell(c));
                columns.add(text(logins.getCell(c)) + ("group".equals(kind) ? " (group)" : ""));
            }
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < columns.size(); c++) {
                    String code = text(row.getCell(c + 3));
                    if (!code.isEmpty()) {
                        cells.put(columns.get(c), code);
                    }
                }
                matrix.put(text(row.getCell(1)), cells);
            }
            Sheet changeSheet = workbook.getSheet("Changes");
            for (int r = 3; r <= changeSheet.getLastRowNum(); r++) {
                Row row = changeSheet.getRow(r);
                if (row.getCell(1) != null) {
                    changes.add(text(row.getCell(1)) + " | " + text(row.getCell(2)) + " | " + text(row.getCell(3)));
                }
            }
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : cell.getStringCellValue();
    }
}
