package io.aclens.collector.agent;

import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import java.util.HashMap;
import java.util.Map;

/**
 * The account names an export reported for the SIDs it mentions (the agent's names map, the accounts icacls
 * printed). Until directory sync tells users from groups, such a name is shown as an account.
 */
final class ReportedNames {
    private final Map<String, String> nameBySid = new HashMap<>();

    void putAll(Map<String, String> names) {
        nameBySid.putAll(names);
    }

    Principal resolve(String sid) {
        return WellKnownSids.lookup(sid).orElseGet(() -> {
            String name = nameBySid.get(sid);
            return name == null ? new Principal(sid, sid, null, PrincipalKind.UNRESOLVED) : new Principal(sid, name, null, PrincipalKind.USER);
        });
    }
}
