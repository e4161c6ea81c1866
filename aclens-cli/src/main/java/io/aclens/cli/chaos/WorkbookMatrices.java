package io.aclens.cli.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The matrices of a client's workbook as lines of text — every row of "Access by person" and "Access by group" below their
 * titles, each cell with its column, the tree's own folder written as {@code <tree>} — so two runs' workbooks can be
 * compared cell by cell. Read as a stream: a 20,000-folder matrix is too large for POI's in-memory workbook.
 */
final class WorkbookMatrices {
    private static final List<String> SHEETS = List.of("Access by person", "Access by group");
    /** Rows above this (0-based) hold the sheet's title and when it was made. */
    private static final int FIRST_TABLE_ROW = 3;

    private WorkbookMatrices() {
    }

    static List<String> of(byte[] workbook, String treeRoot) throws IOException {
        Path file = Files.createTempFile("aclens-chaos-", ".xlsx");
        try {
            Files.write(file, workbook);
            return read(file, treeRoot);
        } catch (OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("The workbook cannot be read: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> read(Path file, String treeRoot)
            throws IOException, OpenXML4JException, SAXException, javax.xml.parsers.ParserConfigurationException {
        List<String> lines = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!SHEETS.contains(name)) {
                        continue;
                    }
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new Rows(name, treeRoot, lines), new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        }
        return lines;
    }

    /** Collects each table row as "sheet: | A6=… | B6=…". */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final String treeRoot;
        private final List<String> lines;
        private StringBuilder row;

        Rows(String sheet, String treeRoot, List<String> lines) {
            this.sheet = sheet;
            this.treeRoot = treeRoot;
            this.lines = lines;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum >= FIRST_TABLE_ROW ? new StringBuilder(sheet).append(':') : null;
        }

        @Override
        public void endRow(int rowNum) {
            if (row != null) {
                lines.add(row.toString());
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (row != null) {
                row.append(" | ").append(reference.replaceAll("\\d", "")).append('=').append(value == null ? "" : value.replace(treeRoot, "<tree>"));
            }
        }
    }
}
