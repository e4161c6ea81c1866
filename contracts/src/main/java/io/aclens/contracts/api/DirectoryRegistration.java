package io.aclens.contracts.api;

/**
 * A directory to add or change. {@code directoryId} names it in directory snapshots (kind:name when absent);
 * {@code cron} schedules its syncs; {@code password} (the bind password), when given, is stored encrypted and never
 * answered back.
 */
public record DirectoryRegistration(String directoryId, String cron, String password, DirectorySettings settings) {
    @Override
    public String toString() {
        return "DirectoryRegistration[directoryId=" + directoryId + ", cron=" + cron + ", password=" + (password == null ? "none" : "***")
                + ", settings=" + settings + "]";
    }
}
