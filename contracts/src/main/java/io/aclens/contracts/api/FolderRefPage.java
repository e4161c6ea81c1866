package io.aclens.contracts.api;

import java.util.List;

/** A page of folder references in path order; {@code next} is the cursor for the following page, {@code null} at the end. */
public record FolderRefPage(List<FolderRef> items, String next) {
}
