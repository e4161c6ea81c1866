package io.aclens.snapshot.service;

import io.aclens.contracts.SnapshotCommitted;

/** What became of a completed scan. */
public sealed interface CommitOutcome {

    /**
     * The scan is the source's new snapshot (or already was: the event is published again, idempotently);
     * {@code writtenInPlace}: a source's first scan, whose folders were written in place, not copied at the commit.
     */
    record Committed(SnapshotCommitted event, boolean repeated, boolean writtenInPlace) implements CommitOutcome {
    }

    /** The scan changed nothing; {@code reason} says why (incomplete, failed before, abandoned). */
    record NotCommitted(String reason) implements CommitOutcome {
    }

    /** No start was ever seen for this scan: the completion is a poison event. */
    record UnknownScan() implements CommitOutcome {
    }
}
