package io.aclens.contracts.api;

import java.time.Instant;

/**
 * A client's open findings counted by severity, as the report service last counted them: when a change set of the client
 * arrived (a scan or a directory sync), so listing every client never loads every client's state.
 *
 * @param countedAt when they were counted (a change set after it is counted within the alert poll)
 */
public record FindingSummaryView(String clientId, int high, int medium, int low, Instant countedAt) {
}
