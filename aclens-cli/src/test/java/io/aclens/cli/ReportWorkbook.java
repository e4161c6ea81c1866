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
    /** The matrix by person: folder path to (login to level code); empty when the report has no directory. */
    final Map<String, Map<String, String>> people = new LinkedHashMap<>();
    /** Each effective change as "login | path | change | cause | why". */
    final Set<String> peopleChanges = new HashSet<>();
    /** The "Access by group" rows in sheet order, each as "indent | folder name | path". */
    final List<String> folderRows = new ArrayList<>();

    ReportWorkbook(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Access by group");
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
                folderRows.add(row.getCell(0).getCellStyle().getIndention() + " | " + text(row.getCell(0)) + " | " + text(row.getCell(1)));
            }
            Sheet byPerson = workbook.getSheet("Access by person");
            if (byPerson != null) {
                readMatrix(byPerson, people);
            }
            Sheet peopleSheet = workbook.getSheet("Changes by person");
            for (int r = 3; r <= peopleSheet.getLastRowNum(); r++) {
                Row row = peopleSheet.getRow(r);
                if (row.getCell(3) != null) {
                    peopleChanges.add(text(row.getCell(1)) + " | " + text(row.getCell(3)) + " | " + text(row.getCell(4)) + " | "
                            + text(row.getCell(7)) + " | " + text(row.getCell(8)));
                }
            }
            Sheet changeSheet = workbook.getSheet("ACL changes");
            for (int r = 3; r <= changeSheet.getLastRowNum(); r++) {
                Row row = changeSheet.getRow(r);
                if (row.getCell(1) != null) {
                    changes.add(text(row.getCell(1)) + " | " + text(row.getCell(2)) + " | " + text(row.getCell(3)));
                }
            }
        }
    }

    private static void readMatrix(Sheet sheet, Map<String, Map<String, String>> into) {
        Row logins = sheet.getRow(3);
        for (int r = 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 3; c < logins.getLastCellNum(); c++) {
                String code = text(row.getCell(c));
                if (!code.isEmpty()) {
                    cells.put(text(logins.getCell(c)), code);
                }
            }
            into.put(text(row.getCell(1)), cells);
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : cell.getStringCellValue();
    }
}
