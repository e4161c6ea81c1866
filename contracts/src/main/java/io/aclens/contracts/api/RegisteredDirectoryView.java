package io.aclens.contracts.api;

import java.time.Instant;

/** A registered directory as anyone may see it: its settings, whether a password is stored, never the password. */
public record RegisteredDirectoryView(String clientId, String name, String directoryId, String cron, boolean passwordStored,
                                      DirectorySettings settings, Instant updatedAt) {
}
