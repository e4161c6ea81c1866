package io.aclens.report.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A sheet's temporary XML that also takes a matrix's data rows written straight into it, without a POI object per cell.
 * A million-folder client's matrix by person is tens of millions of cells; through SXSSF each was an object in its row's
 * TreeMap, and writing a row walked every column of the sheet, which was most of the workbook's time. SXSSF's own rows
 * (the headers) must be flushed before the first row written here, and none may follow it; the flushed-row figures
 * SXSSF reads count these rows too. This is the extension point SXSSF offers for it
 * ({@code SXSSFWorkbook.createSheetDataWriter}); the text is escaped by SXSSF's own {@link #outputEscapedString}.
 */
final class MatrixRowWriter extends SheetDataWriter {
    private final List<String> columnLetters = new ArrayList<>();
    private final StringBuilder cells = new StringBuilder(1 << 16);
    private int rows;
    private int firstRow = -1;
    private int lastRow = -1;
    private int cellsOfLastRow;
    private String rowNumber;

    MatrixRowWriter(SharedStringsTable sharedStrings) throws IOException {
        super(sharedStrings);
    }

    /** What follows a cell's reference for a text cell of a constant, XML-safe {@code text} in {@code style}. */
    static String constantTextCell(String text, CellStyle style) {
        return "\"" + styleAttribute(style) + " t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** Starts the data row {@code row} (0-based), below every row written so far. */
    void startRow(int row) {
        if (row <= getLastFlushedRow()) {
            throw new IllegalStateException("Row " + row + " is not below the rows already written (up to " + getLastFlushedRow() + ")");
        }
        if (rows++ == 0) {
            firstRow = row;
        }
        lastRow = row;
        cellsOfLastRow = 0;
        rowNumber = Integer.toString(row + 1);
        cells.setLength(0);
        cells.append("<row r=\"").append(rowNumber).append("\">\n");
    }

    /** A text cell of the current row; {@code text} is escaped, and cut to Excel's limit by the caller. */
    void text(int column, String text, CellStyle style) {
        flushCells();
        try {
            _out.write("<c r=\"" + letters(column) + rowNumber + "\"" + styleAttribute(style) + " t=\"inlineStr\"><is><t"
                    + (hasSpaceAtAnEnd(text) ? " xml:space=\"preserve\">" : ">"));
            outputEscapedString(text);
            _out.write("</t></is></c>");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the matrix", e);
        }
        cellsOfLastRow = column + 1;
    }

    /** A cell of the current row whose XML after its reference is {@code rest} ({@link #constantTextCell}). */
    void cell(int column, String rest) {
        cells.append("<c r=\"").append(letters(column)).append(rowNumber).append(rest);
        cellsOfLastRow = column + 1;
    }

    void finishRow() {
        cells.append("</row>\n");
        flushCells();
    }

    private void flushCells() {
        if (cells.length() > 0) {
            try {
                _out.write(cells.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the matrix", e);
            }
            cells.setLength(0);
        }
    }

    private String letters(int column) {
        while (columnLetters.size() <= column) {
            columnLetters.add(CellReference.convertNumToColString(columnLetters.size()));
        }
        return columnLetters.get(column);
    }

    private static String styleAttribute(CellStyle style) {
        int index = style.getIndex() & 0xffff; // an unsigned short: up to 64k styles
        return index == 0 ? "" : " s=\"" + index + "\"";
    }

    private static boolean hasSpaceAtAnEnd(String text) {
        return !text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)));
    }

    @Override
    public int getNumberOfFlushedRows() {
        return super.getNumberOfFlushedRows() + rows;
    }

    @Override
    public int getLowestIndexOfFlushedRows() {
        return super.getNumberOfFlushedRows() > 0 ? super.getLowestIndexOfFlushedRows() : firstRow;
    }

    @Override
    public int getLastFlushedRow() {
        return Math.max(super.getLastFlushedRow(), lastRow);
    }

    @Override
    public int getNumberOfCellsOfLastFlushedRow() {
        return rows > 0 && lastRow > super.getLastFlushedRow() ? cellsOfLastRow : super.getNumberOfCellsOfLastFlushedRow();
    }
}
