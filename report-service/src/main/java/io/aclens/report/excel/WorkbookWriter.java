package io.aclens.report.excel;

import io.aclens.access.AccessMatrix;
import io.aclens.access.Level;
import io.aclens.access.ReadableRows;
import io.aclens.access.effective.ExplanationPhrases;
import io.aclens.access.findings.Finding;
import io.aclens.access.findings.RiskFindings;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.Principal;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * Writes the client report as .xlsx with POI's streaming API (constant memory however many folders):
 * per source the access matrix by person (effective levels, the reasons as cell comments) and by group, then
 * what people gained or lost, the ACL changes, scan coverage and a legend. Every text, folder
 * names included, is written as a string cell, so nothing in a name can become a formula.
 */
public final class WorkbookWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /**
     * Rows kept in memory before SXSSF flushes them to its temporary file: every row is written in order and never read
     * back, and a matrix row holds a cell per person (1,500 on a large client), so a small window keeps the heap free for
     * the client's read model the rows come from.
     */
    private static final int ROW_WINDOW = 16;
    private static final int MATRIX_HEADER_ROW = 3;
    private static final int MATRIX_FIRST_DATA_ROW = 5;
    private static final int FIXED_COLUMNS = 3;
    private static final int MAX_INDENT = 15;
    /** Excel's limit on a cell's text. */
    public static final int MAX_CELL_CHARS = 32_767;
    public static final String CUT_MARKER = " … [cut at Excel's 32,767-character limit; the REST API has the whole text]";
    /** Cell comments carry the access paths; beyond this many the REST API answers (comments cost memory in Excel). */
    private static final int MAX_COMMENTS = 10_000;
    private static final Map<Level, String> COLOURS = new EnumMap<>(Map.of(
            Level.FULL, "F4B084", Level.MODIFY, "FFD966", Level.READ_EXECUTE, "A9D08E", Level.READ, "C6E0B4",
            Level.LIST_FOLDER, "BDD7EE", Level.WRITE, "FF9999", Level.SPECIAL, "D9D9D9"));

    /** A dormant level as its cell shows it, "(M)": made once, not per cell. */
    private static final Map<Level, String> DORMANT_CODES = dormantCodes();
    private static final Level[] LEVELS = Level.values();

    private record MatrixSheet(SXSSFSheet sheet, MatrixRowWriter rows) {
    }

    private final MatrixWorkbook workbook = new MatrixWorkbook(ROW_WINDOW);
    /** A matrix cell's XML after its reference, by level: made once per workbook, not per cell. */
    private final Map<Level, String> levelCells = new EnumMap<>(Level.class);
    private final Map<Level, String> dormantCells = new EnumMap<>(Level.class);
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle rotatedHeader;
    private final CellStyle text;
    private final CellStyle dormant;
    private final Map<Level, CellStyle> levelStyles = new EnumMap<>(Level.class);
    private final CellStyle[] indented = new CellStyle[MAX_INDENT + 1];

    private final WorkbookTexts texts;

    private WorkbookWriter(WorkbookTexts texts) {
        this.texts = texts;
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(new XSSFColor(new byte[]{(byte) 0xD9, (byte) 0xE1, (byte) 0xF2}));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.BOTTOM);
        header.setWrapText(true);
        rotatedHeader = workbook.createCellStyle();
        rotatedHeader.cloneStyleFrom(header);
        rotatedHeader.setRotation((short) 90);
        rotatedHeader.setAlignment(HorizontalAlignment.CENTER);
        text = workbook.createCellStyle();
        Font grey = workbook.createFont();
        grey.setItalic(true);
        grey.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
        dormant = workbook.createCellStyle();
        dormant.setFont(grey);
        dormant.setAlignment(HorizontalAlignment.CENTER);
        for (Map.Entry<Level, String> colour : COLOURS.entrySet()) {
            XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
            style.setFillForegroundColor(new XSSFColor(hex(colour.getValue())));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setAlignment(HorizontalAlignment.CENTER);
            levelStyles.put(colour.getKey(), style);
            levelCells.put(colour.getKey(), MatrixRowWriter.constantTextCell(colour.getKey().code(), style));
            dormantCells.put(colour.getKey(), MatrixRowWriter.constantTextCell(DORMANT_CODES.get(colour.getKey()), dormant));
        }
        for (int depth = 0; depth <= MAX_INDENT; depth++) {
            indented[depth] = workbook.createCellStyle();
            indented[depth].setIndention((short) depth);
        }
    }

    /**
     * SXSSF's workbook, made for matrices of a million folders: each sheet's rows go through a {@link MatrixRowWriter}
     * that can take data rows without a POI object per cell, and the package is deflated at the fastest level — a matrix
     * sheet's XML repeats itself so much that level 1 stays close to the default level's size in a fraction of the time.
     */
    private static final class MatrixWorkbook extends SXSSFWorkbook {
        private MatrixRowWriter lastSheetWriter;

        MatrixWorkbook(int rowWindow) {
            super(rowWindow);
        }

        /** Each sheet's rows go through a {@link MatrixRowWriter}, made as the sheet is created. */
        @Override
        protected MatrixRowWriter createSheetDataWriter() throws IOException {
            lastSheetWriter = new MatrixRowWriter(getSharedStringSource());
            return lastSheetWriter;
        }

        /** A new sheet and the writer of its rows. */
        MatrixSheet createMatrixSheet(String name) {
            SXSSFSheet sheet = createSheet(name);
            return new MatrixSheet(sheet, lastSheetWriter);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(java.io.OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    private static Map<Level, String> dormantCodes() {
        Map<Level, String> codes = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            codes.put(level, "(" + level.code() + ")");
        }
        return codes;
    }

    public static byte[] write(ReportContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(content, out);
        return out.toByteArray();
    }

    /** Writes the workbook to {@code out} (a file, for large clients: the matrix rows are streamed through SXSSF's own temporary files). */
    public static void write(ReportContent content, java.io.OutputStream out) {
        WorkbookWriter writer = new WorkbookWriter(WorkbookTexts.of(content.language()));
        try {
            int index = 1;
            boolean single = content.sources().size() == 1;
            for (ReportContent.SourceMatrix source : content.sources()) {
                if (source.people() != null && content.view().shows(ReportContent.Part.MATRIX_BY_PERSON)) {
                    writer.peopleSheet(sheetName(single ? writer.texts.get("sheet.people")
                            : writer.texts.get("sheet.peopleN", index, source.snapshot().sourceId())), content, source);
                }
                if (content.view().shows(ReportContent.Part.MATRIX_BY_GROUP)) {
                    writer.matrixSheet(sheetName(single ? writer.texts.get("sheet.groups")
                            : writer.texts.get("sheet.groupsN", index, source.snapshot().sourceId())), content, source);
                }
                index++;
            }
            if (content.view().shows(ReportContent.Part.CHANGES)) {
                writer.peopleChangesSheet(content);
                writer.changesSheet(content);
            }
            if (content.view().shows(ReportContent.Part.FINDINGS)) {
                writer.findingsSheet(content);
            }
            writer.coverageSheet(content);
            writer.legendSheet();
            writer.workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workbook", e);
        } finally {
            writer.workbook.dispose();
            try {
                writer.workbook.close();
            } catch (IOException ignored) {
                // temporary files are already disposed
            }
        }
    }

    private static String sheetName(String name) {
        return WorkbookUtil.createSafeSheetName(name.length() > 31 ? name.substring(0, 31) : name);
    }

    private void peopleSheet(String name, ReportContent content, ReportContent.SourceMatrix source) {
        MatrixSheet matrixSheet = workbook.createMatrixSheet(name);
        SXSSFSheet sheet = matrixSheet.sheet();
        PeopleMatrix people = source.people();
        List<Integer> columns = shownPeople(people).stream().filter(source.scope()::coversPerson).toList();
        List<Integer> shownRows = shownRows(content, source, people::sameAccess);
        matrixHeader(sheet, texts.get("people.heading"), content, source, texts.get("people.explanation")
                        + viewNote(content, shownRows.size(), people.rows().size()), 80, 130,
                columns.stream().map(i -> people.people().get(i).name()).toList(),
                columns.stream().map(i -> personDetail(people, i, content.language())).toList());
        flushHeader(sheet);
        MatrixRowWriter out = matrixSheet.rows();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        PeopleCells cells = new PeopleCells(people, columns);
        int comments = 0;
        int r = MATRIX_FIRST_DATA_ROW;
        for (int f : shownRows) {
            out.startRow(r);
            folderColumns(out, people.rows().get(f));
            byte[] levels = cells.ofRow(f);
            for (int c = 0; c < levels.length; c++) {
                Level level = LEVELS[levels[c]];
                if (level == Level.NONE) {
                    continue;
                }
                out.cell(FIXED_COLUMNS + c, cells.active(c) ? levelCells.get(level) : dormantCells.get(level));
                if (comments < MAX_COMMENTS) {
                    comments++;
                    comment(drawing, r, FIXED_COLUMNS + c, people.explain(f, columns.get(c), content.language()));
                }
            }
            out.finishRow();
            r++;
        }
        sheet.createFreezePane(FIXED_COLUMNS, MATRIX_FIRST_DATA_ROW);
        sheet.setAutoFilter(new CellRangeAddress(MATRIX_HEADER_ROW + 1, Math.max(r - 1, MATRIX_HEADER_ROW + 1), 0,
                FIXED_COLUMNS + Math.max(columns.size(), 1) - 1));
    }

    /** SXSSF's header rows go out before the data rows are written past it. */
    private static void flushHeader(SXSSFSheet sheet) {
        try {
            sheet.flushRows(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the matrix", e);
        }
    }

    /** The cell's access paths as its comment, shown beside it. */
    private void comment(Drawing<?> drawing, int row, int column, List<String> reasons) {
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(column + 1);
        anchor.setCol2(column + 8);
        anchor.setRow1(row);
        anchor.setRow2(row + 4);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(workbook.getCreationHelper().createRichTextString(fitted(String.join("\n", reasons))));
        comment.setAuthor("ACLens");
        comment.setAddress(row, column); // without a cell object, the comment is placed by its address
    }

    private static List<Integer> shownRows(ReportContent content, ReportContent.SourceMatrix source,
                                           java.util.function.BiPredicate<Integer, Integer> same) {
        List<AccessMatrix.Row> rows = source.matrix().rows();
        ReportContent.Layout layout = content.view();
        List<Integer> selected = layout.onlyDiffering() || layout.maxDepth() != ReadableRows.ANY_DEPTH
                ? ReadableRows.select(rows.stream().map(AccessMatrix.Row::folder).toList(), layout.onlyDiffering() ? same : (a, b) -> false,
                layout.maxDepth())
                : ReadableRows.all(rows.size());
        return layout.pathPrefixes().isEmpty() && source.scope().isEverything() ? selected
                : selected.stream().filter(i -> source.scope().coversRow(i) && layout.covers(rows.get(i).folder().path())).toList();
    }

    /** Everybody's level, dormant levels included, is the same on both rows. */

    private String viewNote(ReportContent content, int shown, int total) {
        String note = (content.view().onlyDiffering() ? " " + texts.get("matrix.onlyDiffering", shown, total) : "")
                + (content.view().pathPrefixes().isEmpty() ? "" : " " + texts.get("matrix.scope", String.join("; ", content.view().pathPrefixes())))
                + (content.view().departments().isEmpty() ? "" : " " + texts.get("matrix.departments", String.join("; ", content.view().departments())));
        return content.view().maxDepth() == ReadableRows.ANY_DEPTH ? note : note + " " + texts.get("matrix.depthLimit", content.view().maxDepth());
    }

    /** Every account that can log on, then those that cannot but would regain some access if re-enabled (dormant access). */
    private static List<Integer> shownPeople(PeopleMatrix people) {
        List<Integer> active = new ArrayList<>();
        List<Integer> dormantWithAccess = new ArrayList<>();
        for (int p = 0; p < people.people().size(); p++) {
            if (people.canLogOn(p)) {
                active.add(p);
            } else if (hasDormantAccess(people, p)) {
                dormantWithAccess.add(p);
            }
        }
        active.addAll(dormantWithAccess);
        return active;
    }

    private static boolean hasDormantAccess(PeopleMatrix people, int person) {
        for (int f = 0; f < people.rows().size(); f++) {
            if (people.dormantLevel(f, person) != Level.NONE) {
                return true;
            }
        }
        return false;
    }

    private static String personDetail(PeopleMatrix people, int person, String language) {
        DirectoryEntry who = people.people().get(person);
        String detail = (who.fullName() == null ? "" : who.fullName()) + (who.department() == null ? "" : " · " + who.department());
        return people.canLogOn(person) ? detail : "(" + ExplanationPhrases.of(language).dormancy(people.dormancy(person)) + ") " + detail;
    }

    /** Title, what the sheet shows, and the two header rows (folder columns filled in); returns the header rows. */
    /** Title, explanation and the two header rows: the folder columns, then one column per name with its detail below. */
    private void matrixHeader(SXSSFSheet sheet, String heading, ReportContent content, ReportContent.SourceMatrix source, String explanation,
                              float firstHeight, float secondHeight, List<String> names, List<String> details) {
        set(sheet.createRow(0), 0, heading + " — " + content.clientId() + " — " + source.snapshot().sourceId(), title);
        set(sheet.createRow(1), 0, texts.get("matrix.snapshot", source.snapshot().snapshotId(), source.snapshot().root(),
                time(source.snapshot().scanCompletedAt())) + " " + explanation, text);
        Row first = sheet.createRow(MATRIX_HEADER_ROW);
        Row second = sheet.createRow(MATRIX_HEADER_ROW + 1);
        first.setHeightInPoints(firstHeight);
        second.setHeightInPoints(secondHeight);
        folderHeaders(first, second);
        for (int i = 0; i < names.size(); i++) {
            set(first, FIXED_COLUMNS + i, names.get(i), rotatedHeader);
            set(second, FIXED_COLUMNS + i, details.get(i), rotatedHeader);
            sheet.setColumnWidth(FIXED_COLUMNS + i, 5 * 256);
        }
    }

    private void folderHeaders(Row first, Row second) {
        set(first, 0, texts.get("folder.folder"), header);
        set(first, 1, texts.get("folder.path"), header);
        set(first, 2, texts.get("folder.notes"), header);
        for (int c = 0; c < FIXED_COLUMNS; c++) {
            set(second, c, "", header);
        }
        Sheet sheet = first.getSheet();
        sheet.setColumnWidth(0, 45 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        sheet.setColumnWidth(2, 22 * 256);
    }

    private void folderColumns(MatrixRowWriter out, AccessMatrix.Row folder) {
        out.text(0, fitted(folder.name()), indented[Math.min(folder.folder().depth(), MAX_INDENT)]);
        out.text(1, fitted(folder.folder().path()), text);
        String notes = folder.folder().readError() != null ? texts.get("folder.notReadable", folder.folder().readError())
                : folder.folder().inheritanceProtected() ? texts.get("folder.inheritanceBroken") : null;
        if (notes != null) {
            out.text(2, fitted(notes), text);
        }
    }

    private void peopleChangesSheet(ReportContent content) {
        String[] headers = texts.headers("peopleChanges.headers");
        SXSSFSheet sheet = listSheet(texts.get("sheet.peopleChanges"), texts.get("peopleChanges.heading", time(content.changesFrom()),
                content.clientId()), headers, new int[]{20, 16, 26, 70, 12, 26, 26, 14, 40, 30});
        int r = 3;
        for (EffectiveChangeView change : content.effectiveChanges()) {
            Row row = sheet.createRow(r++);
            set(row, 0, time(change.detectedAt()), text);
            set(row, 1, change.login() == null ? change.userSid() : change.login(), text);
            set(row, 2, change.fullName(), text);
            set(row, 3, change.path(), text);
            set(row, 4, texts.kind(change.kind()), text);
            set(row, 5, change.before() == Level.NONE ? "" : texts.level(change.before()), text);
            set(row, 6, change.after() == Level.NONE ? "" : texts.level(change.after()), text);
            set(row, 7, texts.cause(change.cause()), text);
            set(row, 8, change.detail(), text);
            set(row, 9, change.sourceId(), text);
        }
        if (content.effectiveChanges().isEmpty()) {
            set(sheet.createRow(r), 0, texts.get("peopleChanges.none"), text);
        }
        sheet.createFreezePane(0, 3);
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(r - 1, 2), 0, headers.length - 1));
    }

    /** A sheet listing rows under a title, with headers in row 3 and column widths in characters. */
    private SXSSFSheet listSheet(String name, String heading, String[] headers, int[] widths) {
        SXSSFSheet sheet = workbook.createSheet(name);
        set(sheet.createRow(0), 0, heading, title);
        Row head = sheet.createRow(2);
        for (int c = 0; c < headers.length; c++) {
            set(head, c, headers[c], header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        return sheet;
    }

    private void matrixSheet(String name, ReportContent content, ReportContent.SourceMatrix source) {
        MatrixSheet matrixSheet = workbook.createMatrixSheet(name);
        SXSSFSheet sheet = matrixSheet.sheet();
        AccessMatrix matrix = source.matrix();
        List<Principal> columns = matrix.columns();
        List<Integer> shownRows = shownRows(content, source, (a, b) -> matrix.rows().get(a).levels().equals(matrix.rows().get(b).levels()));
        matrixHeader(sheet, texts.get("groups.heading"), content, source, texts.get("groups.explanation")
                        + viewNote(content, shownRows.size(), matrix.rows().size()), 110, 110,
                columns.stream().map(Principal::name).toList(), columns.stream().map(this::secondHeaderLine).toList());
        flushHeader(sheet);
        MatrixRowWriter out = matrixSheet.rows();
        int r = MATRIX_FIRST_DATA_ROW;
        for (int f : shownRows) {
            AccessMatrix.Row folder = matrix.rows().get(f);
            out.startRow(r++);
            folderColumns(out, folder);
            for (int i = 0; i < columns.size(); i++) {
                Level level = folder.level(columns.get(i).sid());
                if (level != Level.NONE) {
                    out.cell(FIXED_COLUMNS + i, levelCells.get(level));
                }
            }
            out.finishRow();
        }
        sheet.createFreezePane(FIXED_COLUMNS, MATRIX_FIRST_DATA_ROW);
        sheet.setAutoFilter(new CellRangeAddress(MATRIX_HEADER_ROW + 1, Math.max(r - 1, MATRIX_HEADER_ROW + 1), 0,
                FIXED_COLUMNS + Math.max(columns.size(), 1) - 1));
    }

    private void findingsSheet(ReportContent content) {
        String[] headers = texts.headers("findings.headers", RiskFindings.FOLDERS_LISTED);
        SXSSFSheet sheet = listSheet(texts.get("sheet.findings"), texts.get("findings.heading", content.clientId()), headers,
                new int[]{10, 60, 30, 24, 9, 90, 40});
        int r = 3;
        for (Finding finding : content.findings()) {
            Row row = sheet.createRow(r++);
            set(row, 0, finding.severity().label(texts.language()), text);
            set(row, 1, finding.kind().title(texts.language()), text);
            set(row, 2, finding.subject(), text);
            set(row, 3, finding.sourceId(), text);
            row.createCell(4).setCellValue(finding.folderCount());
            set(row, 5, String.join("\n", finding.folders()), text);
            set(row, 6, String.join(", ", finding.people()), text);
        }
        if (content.findings().isEmpty()) {
            set(sheet.createRow(r), 0, texts.get("findings.none"), text);
        }
        sheet.createFreezePane(0, 3);
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(r - 1, 2), 0, headers.length - 1));
    }

    private void changesSheet(ReportContent content) {
        String[] headers = texts.headers("aclChanges.headers");
        SXSSFSheet sheet = listSheet(texts.get("sheet.aclChanges"), texts.get("aclChanges.heading", time(content.changesFrom()), content.clientId()),
                headers, new int[]{20, 70, 22, 24, 28, 26, 26, 18, 30});
        int r = 3;
        for (ChangeView change : content.changes()) {
            Row row = sheet.createRow(r++);
            Principal principal = change.principalSid() == null ? null : content.principals().get(change.principalSid());
            set(row, 0, time(change.detectedAt()), text);
            set(row, 1, change.path(), text);
            set(row, 2, texts.kind(change.kind()), text);
            set(row, 3, principal != null ? principal.name() : change.principalSid() == null ? change.principalName()
                    : WellKnownSids.lookup(change.principalSid()).map(Principal::name).orElse(change.principalName()), text);
            set(row, 4, principal == null ? null : principal.fullName(), text);
            set(row, 5, change.before() == null ? null : texts.level(change.before()), text);
            set(row, 6, change.after() == null ? null : texts.level(change.after()), text);
            set(row, 7, texts.cause(change.cause()), text);
            set(row, 8, change.sourceId(), text);
        }
        if (content.changes().isEmpty()) {
            set(sheet.createRow(r), 0, texts.get("aclChanges.none"), text);
        }
        sheet.createFreezePane(0, 3);
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(r - 1, 2), 0, headers.length - 1));
    }

    private void coverageSheet(ReportContent content) {
        SXSSFSheet sheet = workbook.createSheet(texts.get("sheet.coverage"));
        set(sheet.createRow(0), 0, texts.get("coverage.heading", time(content.generatedAt())), title);
        Row head = sheet.createRow(2);
        String[] headers = texts.headers("coverage.headers");
        for (int c = 0; c < headers.length; c++) {
            set(head, c, headers[c], header);
            sheet.setColumnWidth(c, (c == 1 || c == 0 ? 45 : c >= 7 ? 60 : 20) * 256);
        }
        int r = 3;
        for (ReportContent.SourceMatrix source : content.sources()) {
            Row row = sheet.createRow(r++);
            set(row, 0, source.snapshot().sourceId(), text);
            set(row, 1, source.snapshot().root(), text);
            row.createCell(2).setCellValue(source.snapshot().snapshotId());
            set(row, 3, source.snapshot().scanId(), text);
            set(row, 4, time(source.snapshot().scanCompletedAt()), text);
            row.createCell(5).setCellValue(source.snapshot().folderCount());
            row.createCell(6).setCellValue(source.snapshot().errorCount());
            set(row, 7, CoverageNotes.share(source.snapshot().server(), texts), text);
            set(row, 8, source.people() == null ? null : CoverageNotes.serverGroups(source.snapshot().server(), source.people().serverGroupsOrigin(),
                    texts), text);
        }
    }

    private void legendSheet() {
        SXSSFSheet sheet = workbook.createSheet(texts.get("sheet.legend"));
        set(sheet.createRow(0), 0, texts.get("legend.heading"), title);
        Row head = sheet.createRow(2);
        set(head, 0, texts.get("legend.code"), header);
        set(head, 1, texts.get("legend.meaning"), header);
        sheet.setColumnWidth(1, 60 * 256);
        int r = 3;
        for (Level level : Level.values()) {
            if (level == Level.NONE) {
                continue;
            }
            Row row = sheet.createRow(r++);
            set(row, 0, level.code(), levelStyles.get(level));
            set(row, 1, texts.level(level), text);
        }
        set(sheet.createRow(r + 1), 0, texts.get("legend.note"), text);
    }

    private String secondHeaderLine(Principal principal) {
        return switch (principal.kind()) {
            case USER -> principal.fullName() == null ? "" : principal.fullName();
            case GROUP -> texts.get("principal.group");
            case WELL_KNOWN -> texts.get("principal.builtin");
            case UNRESOLVED -> texts.get("principal.unknown", principal.sid());
        };
    }

    private static Cell set(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return null;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(fitted(value));
        cell.setCellStyle(style);
        return cell;
    }

    /**
     * Text as Excel holds it: at most 32,767 characters a cell (POI refuses more, which would fail the whole report); a
     * longer path or name is cut with a marker that says so — the REST API has the whole of it.
     */
    static String fitted(String text) {
        if (text.length() <= MAX_CELL_CHARS) {
            return text;
        }
        return text.substring(0, MAX_CELL_CHARS - CUT_MARKER.length()) + CUT_MARKER;
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static byte[] hex(String rgb) {
        return new byte[]{(byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
                (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }
}
