package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessMatrixTest {
    private static final Map<String, Principal> DIRECTORY = Map.of(
            "S-1-22-1-1", new Principal("S-1-22-1-1", "zoe", "Zoe Adams", PrincipalKind.USER),
            "S-1-22-1-2", new Principal("S-1-22-1-2", "anna", "Anna Young", PrincipalKind.USER),
            "S-1-22-2-9", new Principal("S-1-22-2-9", "finance", null, PrincipalKind.GROUP));

    private static Principal resolve(String sid) {
        return DIRECTORY.getOrDefault(sid, WellKnownSids.lookup(sid).orElse(new Principal(sid, sid, null, PrincipalKind.UNRESOLVED)));
    }

    @Test
    void rowsInTreeOrderColumnsPeopleFirstAndLevelsPerCell() {
        List<Ace> shared = List.of(Ace.allow("S-1-22-2-9", AccessMask.MODIFY), Ace.allow(WellKnownSids.EVERYONE, 0));
        List<MatrixFolder> folders = List.of(
                new MatrixFolder("/srv/b", 1, shared, false, null),
                new MatrixFolder("/srv/a b", 1, List.of(Ace.allow("S-1-22-1-1", AccessMask.READ)), false, null),
                new MatrixFolder("/srv", 0, List.of(Ace.allow("S-1-22-1-2", AccessMask.FULL_CONTROL), Ace.allow("S-1-5-21-9-9", AccessMask.READ)), false, null),
                new MatrixFolder("/srv/a/x", 2, shared, false, null),
                new MatrixFolder("/srv/a", 1, shared, false, null));

        AccessMatrix matrix = AccessMatrix.of(folders, AccessMatrixTest::resolve);

        assertThat(matrix.rows()).extracting(r -> r.folder().path())
                .as("children right after their parent, '/srv/a b' after the '/srv/a' subtree")
                .containsExactly("/srv", "/srv/a", "/srv/a/x", "/srv/a b", "/srv/b");
        assertThat(matrix.columns()).extracting(Principal::name)
                .as("people by full name, then groups, then unresolved; Everyone has no access so no column")
                .containsExactly("anna", "zoe", "finance", "S-1-5-21-9-9");
        assertThat(matrix.rows().get(1).level("S-1-22-2-9")).isEqualTo(Level.MODIFY);
        assertThat(matrix.rows().get(1).level("S-1-22-1-1")).isEqualTo(Level.NONE);
        assertThat(matrix.rows().get(0).name()).isEqualTo("/srv");
        assertThat(matrix.rows().get(2).name()).isEqualTo("x");
        assertThat(matrix.rows().get(1).levels()).as("one evaluation per distinct ACL").isSameAs(matrix.rows().get(4).levels());
    }
}
