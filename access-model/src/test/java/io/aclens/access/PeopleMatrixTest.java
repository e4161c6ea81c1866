package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Looking a matrix up by path and by person, as the access API pages through it. */
class PeopleMatrixTest {
    private static final String D = "S-1-5-21-11-22-33";
    private static final String FINANCE = D + "-1100";
    private static final String PETROVA = D + "-1200";
    private static final String SMITH = D + "-1201";

    private final PeopleMatrix matrix = matrix();

    private static PeopleMatrix matrix() {
        List<MatrixFolder> folders = new ArrayList<>();
        List<List<Ace>> dacls = List.of(List.of(Ace.allow(FINANCE, AccessMask.MODIFY)), List.of(Ace.allow(SMITH, AccessMask.READ)),
                List.of(Ace.allow(PETROVA, AccessMask.FULL_CONTROL), Ace.allow(FINANCE, AccessMask.READ)));
        for (int i = 0; i < 300; i++) {
            folders.add(new MatrixFolder("\\\\fs1\\data\\F" + i, 1, dacls.get(i % 3), false, i == 8 ? "access denied" : null, D + "-500"));
        }
        DirectoryState directory = new DirectoryState(List.of(
                new DirectoryEntry(PETROVA, PrincipalKind.USER, "petrova", null, "Анна Петрова", null, null, null, true, null, null, null,
                        List.of(FINANCE)),
                new DirectoryEntry(SMITH, PrincipalKind.USER, "smith", null, "John Smith", null, null, null, false, null, null, null, List.of()),
                DirectoryEntry.group(FINANCE, "Finance", "global security", List.of())), Instant.parse("2026-12-01T12:00:00Z"));
        AccessMatrix groups = AccessMatrix.of(folders, sid -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED));
        return PeopleMatrix.of(groups.rows(), directory, true);
    }

    private int person(String sid) {
        return IntStream.range(0, matrix.people().size()).filter(p -> matrix.people().get(p).sid().equals(sid)).findFirst().orElseThrow();
    }

    @Test
    void pagesOfWhatAPersonReachesAgreeWithTheCellsOneByOne() {
        for (String sid : List.of(PETROVA, SMITH)) {
            int person = person(sid);
            for (Level minimum : List.of(Level.NONE, Level.READ, Level.MODIFY, Level.FULL)) {
                List<Integer> expected = IntStream.range(0, matrix.rows().size()).filter(row -> matrix.dormantLevel(row, person) != Level.NONE
                        && matrix.dormantLevel(row, person).rank() >= minimum.rank()).boxed().toList();
                List<Integer> paged = new ArrayList<>();
                int from = 0;
                int[] page;
                do {
                    page = matrix.rowsWithAtLeast(person, minimum, from, 17);
                    IntStream.of(page).forEach(paged::add);
                    from = page.length == 0 ? matrix.rows().size() : page[page.length - 1] + 1;
                } while (page.length == 17);
                assertThat(paged).as("%s, at least %s", sid, minimum).isEqualTo(expected);
            }
        }
        int unread = matrix.rowOf("\\\\fs1\\data\\F8");
        assertThat(matrix.rowsWithAtLeast(person(PETROVA), Level.FULL, 0, 1000)).as("her own full control, once a third; F8 unread")
                .hasSize(99).doesNotContain(unread);
        assertThat(matrix.rowsWithAtLeast(person(SMITH), Level.READ, 0, 1000)).as("disabled: still his dormant read").hasSize(100);
        assertThat(matrix.personOf(matrix.people().get(person(SMITH)))).isEqualTo(person(SMITH));
    }

    @Test
    void rowsHaveTheSameAccessExactlyWhenEveryPersonHoldsTheSameLevelsOnThem() {
        for (int a = 0; a < 12; a++) {
            for (int b = 0; b < 12; b++) {
                int rowA = a;
                int rowB = b;
                boolean expected = IntStream.range(0, matrix.people().size()).allMatch(p -> matrix.level(rowA, p) == matrix.level(rowB, p)
                        && matrix.dormantLevel(rowA, p) == matrix.dormantLevel(rowB, p));
                assertThat(matrix.sameAccess(a, b)).as("%s and %s", matrix.rows().get(a).folder().path(), matrix.rows().get(b).folder().path())
                        .isEqualTo(expected);
            }
        }
        int unread = matrix.rowOf("\\\\fs1\\data\\F8");
        int sameAclAsUnread = matrix.rowOf("\\\\fs1\\data\\F5");
        assertThat(matrix.sameAccess(unread, sameAclAsUnread)).as("an unread folder gives nobody anything").isFalse();
    }

    @Test
    void aFolderIsFoundByItsPathAsTheServerComparesNames() {
        int row = matrix.rowOf("\\\\FS1\\Data\\f42");
        assertThat(matrix.rows().get(row).folder().path()).isEqualTo("\\\\fs1\\data\\F42");
        assertThat(matrix.rowOf("\\\\fs1\\data\\F300")).isEqualTo(-1);
    }

    @Test
    void aPagesExplainerEvaluatesEachAclOnceButNamesEachFoldersOwnOrigin() {
        Ace granted = Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT);
        Ace inherited = Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERITED);
        List<MatrixFolder> folders = List.of(
                new MatrixFolder("\\\\fs1\\data\\Budget", 1, List.of(granted), false, null, D + "-500"),
                new MatrixFolder("\\\\fs1\\data\\Budget\\2026", 2, List.of(inherited), false, null, D + "-500"),
                new MatrixFolder("\\\\fs1\\data\\Payroll", 1, List.of(granted), false, null, D + "-500"),
                new MatrixFolder("\\\\fs1\\data\\Payroll\\2026", 2, List.of(inherited), false, null, D + "-500"));
        DirectoryState directory = new DirectoryState(List.of(
                new DirectoryEntry(PETROVA, PrincipalKind.USER, "petrova", null, "Анна Петрова", null, null, null, true, null, null, null,
                        List.of(FINANCE)),
                DirectoryEntry.group(FINANCE, "Finance", "global security", List.of())), Instant.parse("2026-12-01T12:00:00Z"));
        PeopleMatrix people = PeopleMatrix.of(AccessMatrix.of(folders, sid -> new Principal(sid, sid, null, PrincipalKind.UNRESOLVED)).rows(),
                directory, true);
        int petrova = people.personOf(directory.findUser("petrova").orElseThrow());
        int budget2026 = people.rowOf("\\\\fs1\\data\\Budget\\2026");
        int payroll2026 = people.rowOf("\\\\fs1\\data\\Payroll\\2026");
        assertThat(people.aclOfRow(budget2026)).as("one distinct ACL").isEqualTo(people.aclOfRow(payroll2026));

        PeopleMatrix.Explainer page = people.explainer(petrova, "en");
        assertThat(page.explain(budget2026)).singleElement().asString().contains("Finance", "inherited from \\\\fs1\\data\\Budget");
        assertThat(page.explain(payroll2026)).singleElement().asString().contains("inherited from \\\\fs1\\data\\Payroll");
        for (int row = 0; row < people.rows().size(); row++) {
            assertThat(page.explain(row)).as("row %d", row).isEqualTo(people.explain(row, petrova, "en"));
        }
    }
}
