package io.aclens.report.excel;

import io.aclens.access.Level;
import io.aclens.access.PeopleMatrix;
import java.util.List;

/**
 * The cells of the matrix by person as the sheet shows them — each shown person's dormant level (an active account's
 * level is its dormant level) as a {@link Level} ordinal — worked out once per distinct ACL and read as one array per
 * row. A million-folder client's sheet reads tens of millions of cells: looking each up through its person's levels
 * touched a different array per cell, while the folders share a couple of thousand ACLs.
 */
final class PeopleCells {
    private final PeopleMatrix people;
    private final int[] columns;
    private final boolean[] active;
    private final byte[][] byAcl;
    private final byte[] unreadable;

    /** @param columns the person shown in each column */
    PeopleCells(PeopleMatrix people, List<Integer> columns) {
        this.people = people;
        this.columns = columns.stream().mapToInt(Integer::intValue).toArray();
        this.active = new boolean[this.columns.length];
        for (int c = 0; c < this.columns.length; c++) {
            active[c] = people.canLogOn(this.columns[c]);
        }
        this.byAcl = new byte[people.distinctAcls()][];
        this.unreadable = new byte[this.columns.length];
        java.util.Arrays.fill(unreadable, (byte) Level.NONE.ordinal());
    }

    /** Each column's level on the row, by ordinal; the array is shared and must not be changed. */
    byte[] ofRow(int row) {
        int acl = people.aclOfRow(row);
        if (acl < 0) {
            return unreadable;
        }
        byte[] levels = byAcl[acl];
        if (levels == null) {
            levels = new byte[columns.length];
            for (int c = 0; c < columns.length; c++) {
                levels[c] = (byte) people.dormantLevelOnAcl(columns[c], acl).ordinal();
            }
            byAcl[acl] = levels;
        }
        return levels;
    }

    /** Whether the column's account can log on: its cells are levels, the others' dormant levels in brackets. */
    boolean active(int column) {
        return active[column];
    }
}
