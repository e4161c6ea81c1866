package io.aclens.access;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.AccessCheck;
import io.aclens.access.effective.AccessExplanation;
import io.aclens.access.effective.AccessToken;
import io.aclens.access.effective.EffectiveAccess;
import io.aclens.access.effective.ExplanationPhrases;
import io.aclens.access.effective.SharePermissions;
import io.aclens.access.effective.EffectiveMatrix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access matrix by person: the same folder rows as the group view, one column per account, and in each
 * cell the effective level the account holds through its own entries, its security groups (nested, primary),
 * Everyone, Authenticated Users and the server's own groups, capped by the share's permissions. An account that
 * cannot log on (disabled, expired) holds nothing; what it would hold if re-enabled is its dormant level. Levels
 * come from {@link EffectiveMatrix} (one evaluation per distinct ACL and group set); the reasons are worked out
 * only for the cells someone asks about.
 */
public final class PeopleMatrix {
    private final List<AccessMatrix.Row> rows;
    private final List<DirectoryEntry> people;
    /** Each person's token, in {@code people} order. */
    private final List<AccessToken> tokens;
    private final DirectoryState directory;
    private final SharePermissions share;
    private final EffectiveMatrix matrix;
    /** Each person's column by SID. */
    private final Map<String, Integer> personBySid = new java.util.HashMap<>();
    /** Each person's levels, in {@code people} order. */
    private final EffectiveMatrix.UserLevels[] levels;
    /** Whether two distinct ACLs give every person the same level, by pair: decided once per pair a layout compares. */
    private final Map<Long, Boolean> sameAccessByAclPair = new ConcurrentHashMap<>();
    /** Built on the first look-up by path; read by many requests at once, so published whole. */
    private volatile FolderIndex folderIndex;
    /** The folder trees to open level by level (every folder; only those that differ from their parent), built on first use. */
    private volatile FolderTree everyFolder;
    private volatile FolderTree differingFolders;

    private PeopleMatrix(List<AccessMatrix.Row> rows, List<DirectoryEntry> people, List<AccessToken> tokens, DirectoryState directory,
                         SharePermissions share) {
        this.rows = rows;
        this.people = people;
        this.tokens = tokens;
        this.directory = directory;
        this.share = share;
        this.matrix = EffectiveMatrix.forFolders(rows.stream()
                .map(row -> new EffectiveMatrix.Acl(row.folder().ownerSid(), row.folder().dacl())).toList(), tokens, share);
        this.levels = people.stream().map(person -> matrix.levelsOf(person.sid())).toArray(EffectiveMatrix.UserLevels[]::new);
        for (int p = 0; p < people.size(); p++) {
            personBySid.put(people.get(p).sid(), p);
        }
    }

    /** @param includeDormant also show accounts that cannot log on (a report shows the others by default) */
    public static PeopleMatrix of(List<AccessMatrix.Row> rows, DirectoryState directory, boolean includeDormant) {
        return of(rows, directory, includeDormant, null);
    }

    /**
     * @param directory the client's directory on the folders' server ({@link DirectoryState#onServer})
     * @param share     the permissions of the share the folders are reached through, or null
     */
    public static PeopleMatrix of(List<AccessMatrix.Row> rows, DirectoryState directory, boolean includeDormant, SharePermissions share) {
        List<DirectoryEntry> people = includeDormant ? directory.users() : directory.activeUsers();
        return new PeopleMatrix(rows, people, people.stream().map(p -> directory.token(p.sid())).toList(), directory, share);
    }

    public List<AccessMatrix.Row> rows() {
        return rows;
    }

    public List<DirectoryEntry> people() {
        return people;
    }

    /** The person's column, or -1 when the matrix has none for them. */
    public int personOf(DirectoryEntry person) {
        return personBySid.getOrDefault(person.sid(), -1);
    }

    /** The person's effective level: none for an account that cannot log on. */
    public Level level(int row, int person) {
        return canLogOn(person) ? dormantLevel(row, person) : Level.NONE;
    }

    /** What the person would hold if the account could log on: its level for active accounts, its dormant level for the others. */
    public Level dormantLevel(int row, int person) {
        if (rows.get(row).folder().readError() != null) {
            return Level.NONE;
        }
        return levels[person].onFolder(row);
    }

    /**
     * The row's distinct ACL as {@link #dormantLevelOnAcl} takes it; -1 for a folder that could not be read, where nobody
     * holds anything. Rows of one ACL hold the same levels, so a layout reading every cell evaluates each ACL once.
     */
    public int aclOfRow(int row) {
        return rows.get(row).folder().readError() != null ? -1 : matrix.aclOf(row);
    }

    /** How many distinct ACLs the rows share: {@link #aclOfRow} is below it. */
    public int distinctAcls() {
        return matrix.distinctAcls();
    }

    /** The person's dormant level ({@link #dormantLevel}) on every row of the distinct ACL {@code acl}. */
    public Level dormantLevelOnAcl(int person, int acl) {
        return levels[person].onAcl(acl);
    }

    /**
     * Whether every person holds the same level (and the same dormant level) on both rows — as "only folders that differ
     * from their parent" asks for every folder: rows of one distinct ACL are equal at once, and each pair of distinct ACLs is
     * compared person by person only once.
     */
    public boolean sameAccess(int rowA, int rowB) {
        int a = aclOfRow(rowA);
        int b = aclOfRow(rowB);
        if (a == b) {
            return true;
        }
        long pair = a < b ? ((long) a << 32) | (b & 0xffffffffL) : ((long) b << 32) | (a & 0xffffffffL);
        return sameAccessByAclPair.computeIfAbsent(pair, key -> {
            for (EffectiveMatrix.UserLevels person : levels) {
                if ((a < 0 ? Level.NONE : person.onAcl(a)) != (b < 0 ? Level.NONE : person.onAcl(b))) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * "What can this person access", a page at a time: the rows from {@code fromRow} on where the person's dormant level
     * is at least {@code minimum} and above none, in row order, at most {@code limit} of them. Each distinct ACL is
     * evaluated once, so a million folders cost one pass over an int array.
     */
    public int[] rowsWithAtLeast(int person, Level minimum, int fromRow, int limit) {
        Level floor = minimum == Level.NONE ? Level.SPECIAL : minimum;
        boolean[] reaching = new boolean[matrix.distinctAcls()];
        for (int acl = 0; acl < reaching.length; acl++) {
            reaching[acl] = levels[person].onAcl(acl).rank() >= floor.rank();
        }
        int[] found = new int[Math.min(limit, Math.max(0, rows.size() - fromRow))];
        int count = 0;
        for (int row = Math.max(0, fromRow); row < rows.size() && count < found.length; row++) {
            if (reaching[matrix.aclOf(row)] && rows.get(row).folder().readError() == null) {
                found[count++] = row;
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** Whether the person's token holds the group: a member directly, through nesting, or as their primary group. */
    public boolean inGroup(int person, String groupSid) {
        return tokens.get(person).contains(groupSid);
    }

    /** The SID of the group with this SID or name (compared ignoring case), if the directory has it. */
    public java.util.Optional<String> groupSid(String group) {
        return directory.entries().stream().filter(e -> e.kind() == PrincipalKind.GROUP)
                .filter(e -> e.sid().equals(group) || group.equalsIgnoreCase(e.name())).map(DirectoryEntry::sid).findFirst();
    }

    public boolean canLogOn(int person) {
        return directory.canLogOn(people.get(person));
    }

    /** Why the person cannot log on ("account disabled", "account expired"), or null. */
    public String dormancy(int person) {
        return people.get(person).dormancyAt(directory.asOf());
    }

    /** Where the members of the server's own groups came from, for the coverage sheet. */
    public DirectoryState.ServerGroupsOrigin serverGroupsOrigin() {
        return directory.serverGroupsOrigin();
    }

    /**
     * Why the person holds the cell's level, one line per access path ("Modify via Accounting → Finance-All (allow, …)");
     * for an account that cannot log on, why it holds nothing and what it would hold if re-enabled.
     */
    public List<String> explain(int row, int person) {
        return explain(row, person, "en");
    }

    /** The same, in {@code language} (en or ru). */
    public List<String> explain(int row, int person, String language) {
        return explainer(person, language).explain(row);
    }

    /**
     * Explains many cells of one person, as a page of "what can X access" asks: rows of one distinct ACL are evaluated once
     * (the evaluation with its access paths is most of an explanation's cost; the words differ by path, for inherited entries).
     */
    public Explainer explainer(int person, String language) {
        return new Explainer(person, language);
    }

    /** {@link #explain} for one person's cells, each distinct ACL evaluated once; for one request, not shared. */
    public final class Explainer {
        private final int person;
        private final String language;
        private final Map<Integer, EffectiveAccess> byAcl = new java.util.HashMap<>();

        private Explainer(int person, String language) {
            this.person = person;
            this.language = language;
        }

        public List<String> explain(int row) {
            int acl = aclOfRow(row);
            EffectiveAccess access = acl < 0 ? evaluate(row, person) : byAcl.computeIfAbsent(acl, key -> evaluate(row, person));
            return PeopleMatrix.this.explain(row, person, language, access);
        }
    }

    private EffectiveAccess evaluate(int row, int person) {
        MatrixFolder folder = rows.get(row).folder();
        AccessToken token = tokens.get(person);
        EffectiveAccess access = AccessCheck.of(folder.ownerSid(), folder.dacl()).evaluate(folder.ownerSid(), folder.dacl(), token);
        return share == null ? access : access.through(share.limitFor(token));
    }

    private List<String> explain(int row, int person, String language, EffectiveAccess access) {
        ExplanationPhrases words = ExplanationPhrases.of(language);
        MatrixFolder folder = rows.get(row).folder();
        List<String> reasons = AccessExplanation.describe(folder.path(), access, directory::nameOf, this::daclOf, words);
        if (canLogOn(person) || access.level() == Level.NONE) {
            return reasons;
        }
        List<String> dormant = new java.util.ArrayList<>();
        dormant.add(words.dormant().formatted(words.dormancy(dormancy(person)), access.level().description(language)));
        dormant.addAll(reasons);
        return dormant;
    }

    /** The row of the folder with this path (compared as the server compares names), or -1. */
    public int rowOf(String path) {
        FolderIndex index = folderIndex;
        if (index == null) {
            index = FolderIndex.of(rows.stream().map(row -> row.folder().path()).toList());
            folderIndex = index;
        }
        return index.rowOf(path);
    }

    /**
     * The folders as a tree to open one level at a time; with {@code onlyDiffering}, only the roots and the folders whose
     * access differs from their parent's for somebody, as the delivered matrix lists them.
     */
    public FolderTree tree(boolean onlyDiffering) {
        if (onlyDiffering) {
            FolderTree tree = differingFolders;
            if (tree == null) {
                tree = FolderTree.differing(folders(), this::sameAccess);
                differingFolders = tree;
            }
            return tree;
        }
        FolderTree tree = everyFolder;
        if (tree == null) {
            tree = FolderTree.all(folders());
            everyFolder = tree;
        }
        return tree;
    }

    private List<MatrixFolder> folders() {
        return rows.stream().map(AccessMatrix.Row::folder).toList();
    }

    /** One entry of a folder's ACL as people read it. */
    public record AclLine(Ace ace, String principal, Level level, String inheritedFrom) {
    }

    /**
     * The folder's ACL in order, each entry with its principal's name, the level its rights amount to, and for an
     * inherited one the nearest scanned folder that sets it ("" above the scanned folder).
     */
    public List<AclLine> acl(int row) {
        MatrixFolder folder = rows.get(row).folder();
        return folder.dacl().stream().map(ace -> new AclLine(ace, directory.nameOf(ace.sid()), Level.fromMask(ace.mask()), !ace.inherited() ? null
                : java.util.Objects.requireNonNullElse(AccessExplanation.inheritedFrom(folder.path(), ace.sid(), this::daclOf), ""))).toList();
    }

    private List<Ace> daclOf(String path) {
        int row = rowOf(path);
        return row < 0 ? null : rows.get(row).folder().dacl();
    }
}
