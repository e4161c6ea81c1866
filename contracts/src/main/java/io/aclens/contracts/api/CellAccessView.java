package io.aclens.contracts.api;

import io.aclens.access.Level;
import java.util.List;

/**
 * One cell of the matrix by person: the effective level and why, one line per access path
 * ("Modify (read, change, delete) via Accounting → Finance-All (allow, inherited from \\fs1\share\Finance)").
 *
 * @param level        the effective level: none for an account that cannot log on
 * @param dormantLevel what the account would hold if it could log on (equal to {@code level} for active accounts)
 * @param accountState "active", or why the account cannot log on ("account disabled", "account expired")
 */
public record CellAccessView(String userSid, String login, String fullName, String sourceId, String path, Level level,
                             Level dormantLevel, String accountState, List<String> reasons) {
}
