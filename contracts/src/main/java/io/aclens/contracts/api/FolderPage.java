package io.aclens.contracts.api;

import java.util.List;

/** A page of folders in path order; {@code next} is the cursor for the following page, {@code null} at the end. */
public record FolderPage(List<FolderView> items, String next) {
}
