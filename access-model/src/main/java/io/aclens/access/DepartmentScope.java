package io.aclens.access;

import io.aclens.access.directory.DirectoryEntry;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The part of one source that concerns some departments: their people (by the directory's department attribute,
 * compared without case) and the folders at least one of them can reach, now or if a disabled account were enabled
 * again. A department's manager reads the package for "our people and the folders we can open"; without a directory
 * nobody's department is known and nothing is in scope.
 */
public final class DepartmentScope {
    private static final DepartmentScope EVERYTHING = new DepartmentScope(List.of(), null, null);

    private final List<String> departments;
    private final BitSet people;
    private final BitSet rows;

    private DepartmentScope(List<String> departments, BitSet people, BitSet rows) {
        this.departments = departments;
        this.people = people;
        this.rows = rows;
    }

    public static DepartmentScope everything() {
        return EVERYTHING;
    }

    /** @param matrix the source's people matrix; {@code null} when the client has no directory */
    public static DepartmentScope of(PeopleMatrix matrix, List<String> departments) {
        if (departments.isEmpty()) {
            return EVERYTHING;
        }
        Set<String> wanted = new HashSet<>();
        departments.forEach(department -> wanted.add(department.strip().toLowerCase(Locale.ROOT)));
        BitSet people = new BitSet();
        BitSet rows = new BitSet();
        if (matrix != null) {
            for (int p = 0; p < matrix.people().size(); p++) {
                DirectoryEntry person = matrix.people().get(p);
                if (person.department() != null && wanted.contains(person.department().strip().toLowerCase(Locale.ROOT))) {
                    people.set(p);
                }
            }
            for (int row = 0; row < matrix.rows().size(); row++) {
                for (int p = people.nextSetBit(0); p >= 0; p = people.nextSetBit(p + 1)) {
                    if (matrix.level(row, p) != Level.NONE || matrix.dormantLevel(row, p) != Level.NONE) {
                        rows.set(row);
                        break;
                    }
                }
            }
        }
        return new DepartmentScope(List.copyOf(departments), people, rows);
    }

    public boolean isEverything() {
        return departments.isEmpty();
    }

    public List<String> departments() {
        return departments;
    }

    public boolean coversPerson(int person) {
        return people == null || people.get(person);
    }

    public boolean coversRow(int row) {
        return rows == null || rows.get(row);
    }

    /** The paths of the folders in scope, for matching changes and findings by folder. */
    public Set<String> paths(List<AccessMatrix.Row> matrixRows) {
        Set<String> paths = new HashSet<>();
        for (int row = 0; row < matrixRows.size(); row++) {
            if (coversRow(row)) {
                paths.add(matrixRows.get(row).folder().path());
            }
        }
        return paths;
    }

    /** The SIDs of the people in scope, for matching a person's own changes wherever they happened. */
    public Set<String> personSids(PeopleMatrix matrix) {
        Set<String> sids = new HashSet<>();
        if (matrix != null) {
            for (int p = 0; p < matrix.people().size(); p++) {
                if (coversPerson(p)) {
                    sids.add(matrix.people().get(p).sid());
                }
            }
        }
        return sids;
    }
}
