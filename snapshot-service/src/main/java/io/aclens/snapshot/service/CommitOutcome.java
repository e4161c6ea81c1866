package io.aclens.snapshot.service;

import io.aclens.contracts.SnapshotCommitted;

/** What became of a completed scan. */
public sealed interface CommitOutcome {

    /** The scan is the source's new snapshot (or already was: the event is published again, idempotently). */
    record Committed(SnapshotCommitted event, boolean repeated) implements CommitOutcome {
    }

    /** The scan changed nothing; {@code reason} says why (incomplete, failed before, abandoned). */
    record NotCommitted(String reason) implements CommitOutcome {
    }

    /** No start was ever seen for this scan: the completion is a poison event. */
    record UnknownScan() implements CommitOutcome {
    }
}
