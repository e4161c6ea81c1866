package io.aclens.access.effective;

import io.aclens.access.Ace;
import io.aclens.access.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Effective access of every user on every folder without materialising the cells: folders share few
 * distinct ACLs and users share few distinct group sets, so each (ACL, group set) is evaluated once and
 * fanned out. ACLs that name a particular user (or that the user owns) are evaluated for that user alone.
 * Folders reached through a share are capped by the share's permissions, evaluated once per user.
 */
public final class EffectiveMatrix {
    private static final String NOBODY = "S-1-0-0";
    private static final Level[] LEVELS = Level.values();
    private static final int ALL = -1;

    /** A distinct ACL: owner and DACL. */
    public record Acl(String ownerSid, List<Ace> dacl) {
    }

    private final List<Acl> acls;
    /** Each ACL ready for its evaluations, once: they happen per group set and per ACL naming a user. */
    private final CompiledAcl[] compiled;
    private final int[] folderAcl;
    private final int[][] foldersByAcl;
    private final Map<String, AccessToken> tokens = new HashMap<>();
    private final SharePermissions share;
    /** Users with the same groups and the same share rights hold the same levels on every ACL they are not named in. */
    private record Evaluation(Set<String> groupSet, int shareMask) {
    }

    private final Map<Evaluation, byte[]> levelsByGroupSet = new HashMap<>();
    private final Map<String, Integer> shareMaskByUser = new HashMap<>();
    /** Each user's row of the group-set table, resolved once: lookups never hash a group set. */
    private final Map<String, byte[]> levelsByUser = new HashMap<>();
    private final Map<String, Set<Integer>> aclsNamingUser = new HashMap<>();

    /** @param folderAcl the ACL index of each folder */
    public EffectiveMatrix(List<Acl> acls, int[] folderAcl, Iterable<AccessToken> users) {
        this(acls, folderAcl, users, null);
    }

    /**
     * @param folderAcl the ACL index of each folder
     * @param share     the permissions of the share the folders are reached through, or null
     */
    public EffectiveMatrix(List<Acl> acls, int[] folderAcl, Iterable<AccessToken> users, SharePermissions share) {
        this.share = share;
        this.acls = List.copyOf(acls);
        this.compiled = this.acls.stream().map(acl -> CompiledAcl.of(acl.ownerSid(), acl.dacl())).toArray(CompiledAcl[]::new);
        this.folderAcl = folderAcl;
        int[] counts = new int[acls.size()];
        for (int acl : folderAcl) {
            counts[acl]++;
        }
        foldersByAcl = new int[acls.size()][];
        for (int a = 0; a < counts.length; a++) {
            foldersByAcl[a] = new int[counts[a]];
        }
        int[] fill = new int[acls.size()];
        for (int folder = 0; folder < folderAcl.length; folder++) {
            foldersByAcl[folderAcl[folder]][fill[folderAcl[folder]]++] = folder;
        }
        users.forEach(token -> tokens.put(token.userSid(), token));
        for (int a = 0; a < this.acls.size(); a++) {
            Acl acl = this.acls.get(a);
            Set<String> named = new HashSet<>();
            named.add(acl.ownerSid());
            acl.dacl().forEach(ace -> named.add(ace.sid()));
            for (String sid : named) {
                if (tokens.containsKey(sid)) {
                    aclsNamingUser.computeIfAbsent(sid, s -> new HashSet<>()).add(a);
                }
            }
        }
        tokens.values().forEach(this::evaluateUser);
    }

    /** A matrix over folders given one ACL each: equal ACLs are found and evaluated once. */
    public static EffectiveMatrix forFolders(List<Acl> aclOfFolder, Iterable<AccessToken> users) {
        return forFolders(aclOfFolder, users, null);
    }

    /** The same, for folders reached through a share whose permissions cap every cell (null: no share). */
    public static EffectiveMatrix forFolders(List<Acl> aclOfFolder, Iterable<AccessToken> users, SharePermissions share) {
        Map<Acl, Integer> index = new HashMap<>();
        List<Acl> distinct = new ArrayList<>();
        int[] folderAcl = new int[aclOfFolder.size()];
        for (int f = 0; f < folderAcl.length; f++) {
            folderAcl[f] = index.computeIfAbsent(aclOfFolder.get(f), acl -> {
                distinct.add(acl);
                return distinct.size() - 1;
            });
        }
        return new EffectiveMatrix(distinct, folderAcl, users, share);
    }

    /** The user's level on one folder. */
    public Level level(String userSid, int folder) {
        return levelOnAcl(tokens.get(userSid), folderAcl[folder]);
    }

    /**
     * One user's levels on every distinct ACL, looked up by index: for layouts that read many cells of each user. The ACLs
     * that name the user are evaluated for them once, here, not once per cell.
     */
    public final class UserLevels {
        private final byte[] byAcl;

        private UserLevels(AccessToken token) {
            byte[] shared = levelsByUser.get(token.userSid());
            Set<Integer> personal = aclsNamingUser.get(token.userSid());
            if (personal == null) {
                this.byAcl = shared;
            } else {
                this.byAcl = shared.clone();
                personal.forEach(acl -> byAcl[acl] = (byte) levelOnAcl(token, acl).ordinal());
            }
        }

        /** The user's level on the folder. */
        public Level onFolder(int folder) {
            return onAcl(folderAcl[folder]);
        }

        /** The user's level on a distinct ACL ({@link #aclOf}). */
        public Level onAcl(int acl) {
            return LEVELS[byAcl[acl]];
        }
    }

    /** The user's levels, for many look-ups. */
    public UserLevels levelsOf(String userSid) {
        return new UserLevels(tokens.get(userSid));
    }

    /** How many distinct ACLs the folders share. */
    public int distinctAcls() {
        return acls.size();
    }

    /** How many folders the user can at least read: the whole matrix summarised, cells never built. */
    public long readableFolders(String userSid) {
        AccessToken token = tokens.get(userSid);
        long count = 0;
        for (int a = 0; a < acls.size(); a++) {
            if (levelOnAcl(token, a).rank() >= Level.READ.rank()) {
                count += foldersByAcl[a].length;
            }
        }
        return count;
    }

    /** "What can user X access": the folders where the user holds at least {@code minimum}. */
    public List<int[]> foldersWithAtLeast(String userSid, Level minimum) {
        AccessToken token = tokens.get(userSid);
        List<int[]> folders = new ArrayList<>();
        for (int a = 0; a < acls.size(); a++) {
            if (levelOnAcl(token, a).rank() >= minimum.rank()) {
                folders.add(foldersByAcl[a]);
            }
        }
        return folders;
    }

    /** The index of the folder's distinct ACL, as {@link UserLevels#onAcl} takes it. */
    public int aclOf(int folder) {
        return folderAcl[folder];
    }

    /** A membership change: the user's new token; only its group set (if new) is evaluated. */
    public void replaceToken(AccessToken token) {
        tokens.put(token.userSid(), token);
        evaluateUser(token);
    }

    private void evaluateUser(AccessToken token) {
        int shareMask = share == null ? ALL : share.maskFor(token);
        shareMaskByUser.put(token.userSid(), shareMask);
        levelsByUser.put(token.userSid(), levelsOf(new Evaluation(token.groupSet(), shareMask)));
    }

    public int distinctGroupSets() {
        return levelsByGroupSet.size();
    }

    private Level levelOnAcl(AccessToken token, int acl) {
        Set<Integer> personal = aclsNamingUser.get(token.userSid());
        if (personal != null && personal.contains(acl)) {
            return Level.fromMask(compiled[acl].mask(token) & shareMaskByUser.get(token.userSid()));
        }
        return LEVELS[levelsByUser.get(token.userSid())[acl]];
    }

    private byte[] levelsOf(Evaluation evaluation) {
        return levelsByGroupSet.computeIfAbsent(evaluation, key -> {
            AccessToken shared = AccessToken.of(NOBODY, null, sid -> sid.equals(NOBODY) ? key.groupSet() : List.of());
            byte[] levels = new byte[acls.size()];
            for (int a = 0; a < acls.size(); a++) {
                levels[a] = (byte) Level.fromMask(compiled[a].mask(shared) & key.shareMask()).ordinal();
            }
            return levels;
        });
    }
}
