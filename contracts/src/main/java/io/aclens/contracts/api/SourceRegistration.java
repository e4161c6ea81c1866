package io.aclens.contracts.api;

/**
 * A source to add or change. {@code sourceId} names it in snapshots and reports (derived from the settings when
 * absent); {@code cron} (Quartz, seconds first) schedules its scans; {@code password}, when given, is stored
 * encrypted and never answered back.
 */
public record SourceRegistration(String sourceId, String cron, String password, SourceSettings settings) {
    @Override
    public String toString() {
        return "SourceRegistration[sourceId=" + sourceId + ", cron=" + cron + ", password=" + (password == null ? "none" : "***")
                + ", settings=" + settings + "]";
    }
}
