package io.aclens.access.effective;

import io.aclens.access.WellKnownSids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The SIDs a user acts as on a file server: the user, its primary group, Everyone, Authenticated Users and
 * NETWORK (a network logon: files are reached through shares), and every group any of them belongs to
 * transitively (nesting cycles terminate) — so BUILTIN\Users, which holds Authenticated Users, is reached by
 * every account that can log on. For each SID it remembers the chain by which it was reached, so a cell can
 * say "via Accounting → Finance-All".
 */
public final class AccessToken {
    private final String userSid;
    private final Map<String, String> reachedFrom;

    private AccessToken(String userSid, Map<String, String> reachedFrom) {
        this.userSid = userSid;
        this.reachedFrom = reachedFrom;
    }

    /**
     * @param directGroups  the groups a SID is a direct member of (users and groups alike)
     * @param primaryGroup  the user's primary group (AD's primaryGroupID is not listed in member), or null
     */
    public static AccessToken of(String userSid, String primaryGroup, Function<String, ? extends Iterable<String>> directGroups) {
        Map<String, String> reachedFrom = new LinkedHashMap<>();
        reachedFrom.put(userSid, null);
        Deque<String> pending = new ArrayDeque<>();
        pending.add(userSid);
        for (String implied : new String[] {primaryGroup, WellKnownSids.EVERYONE, WellKnownSids.AUTHENTICATED_USERS, WellKnownSids.NETWORK}) {
            if (implied != null && reachedFrom.putIfAbsent(implied, userSid) == null) {
                pending.add(implied);
            }
        }
        while (!pending.isEmpty()) {
            String member = pending.poll();
            for (String group : directGroups.apply(member)) {
                if (reachedFrom.putIfAbsent(group, member) == null) {
                    pending.add(group);
                }
            }
        }
        return new AccessToken(userSid, reachedFrom);
    }

    public String userSid() {
        return userSid;
    }

    public boolean contains(String sid) {
        return reachedFrom.containsKey(sid);
    }

    public Set<String> sids() {
        return Collections.unmodifiableSet(reachedFrom.keySet());
    }

    /** How the user holds {@code sid}: the groups from the user's first group to {@code sid} (empty for the user itself). */
    public List<String> chainTo(String sid) {
        List<String> chain = new ArrayList<>();
        for (String at = sid; at != null && !at.equals(userSid); at = reachedFrom.get(at)) {
            chain.add(0, at);
        }
        return chain;
    }

    /** Users with the same SID set (apart from the user SID) share evaluations: the scale trick. */
    public Set<String> groupSet() {
        Set<String> groups = new java.util.TreeSet<>(reachedFrom.keySet());
        groups.remove(userSid);
        return groups;
    }
}
