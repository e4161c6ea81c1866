package io.aclens.report.rest;

import io.aclens.report.service.ClientStateLoader;
import io.aclens.support.rest.ProblemException;

/**
 * Where a page of a person's access ends: the snapshot and the row after which the next page starts. Naming the snapshot
 * keeps pages of one listing from mixing two scans of a source.
 */
record PersonAccessCursor(int source, int row) {
    private static final PersonAccessCursor START = new PersonAccessCursor(0, 0);

    static String after(ClientStateLoader.Source source, int lastRow) {
        return source.snapshot().snapshotId() + "." + (lastRow + 1);
    }

    /** The position {@code after} names in the client's current state; the start for none. */
    static PersonAccessCursor parse(String after, ClientStateLoader.Loaded state) {
        if (after == null || after.isEmpty()) {
            return START;
        }
        int dot = after.indexOf('.');
        long snapshotId = 0;
        int row;
        try {
            snapshotId = Long.parseLong(after.substring(0, Math.max(0, dot)));
            row = Integer.parseInt(after.substring(dot + 1));
        } catch (NumberFormatException e) {
            row = -1;
        }
        if (row < 0) {
            throw ProblemException.badRequest("'after' is the previous page's 'next', as it was given");
        }
        for (int s = 0; s < state.sources().size(); s++) {
            if (state.sources().get(s).snapshot().snapshotId() == snapshotId) {
                return new PersonAccessCursor(s, row);
            }
        }
        throw new ProblemException(410, "Listing Moved On", "A source has been scanned again since this listing started; "
                + "start again without 'after'");
    }
}
