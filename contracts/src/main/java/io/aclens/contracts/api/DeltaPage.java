package io.aclens.contracts.api;

import java.util.List;

/** A page of folder deltas in path order; {@code next} is the cursor for the following page, {@code null} at the end. */
public record DeltaPage(List<FolderDelta> items, String next) {
}
