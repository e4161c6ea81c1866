package io.aclens.contracts.api;

import io.aclens.access.Level;
import java.util.List;

/**
 * One cell of the matrix by person: the effective level and why, one line per access path
 * ("Modify (read, change, delete) via Accounting → Finance-All (allow, inherited from \\fs1\share\Finance)").
 */
public record CellAccessView(String userSid, String login, String fullName, String sourceId, String path, Level level,
                             List<String> reasons) {
}
