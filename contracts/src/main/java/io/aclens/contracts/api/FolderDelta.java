package io.aclens.contracts.api;

/** A folder whose state differs between a snapshot and the one before it; a missing side means added or removed. */
public record FolderDelta(String path, FolderView before, FolderView after) {
}
