package io.aclens.access;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.access.effective.AccessCheck;
import io.aclens.access.effective.AccessExplanation;
import io.aclens.access.effective.AccessToken;
import io.aclens.access.effective.EffectiveMatrix;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The access matrix by person: the same folder rows as the group view, one column per enabled account, and
 * in each cell the effective level the account holds through its own entries, its groups (nested, primary),
 * Everyone and Authenticated Users. Levels come from {@link EffectiveMatrix} (one evaluation per distinct ACL
 * and group set); the reasons are worked out only for the cells someone asks about.
 */
public final class PeopleMatrix {
    private final List<AccessMatrix.Row> rows;
    private final List<DirectoryEntry> people;
    /** Each person's token, in {@code people} order. */
    private final List<AccessToken> tokens;
    private final DirectoryState directory;
    private final EffectiveMatrix matrix;
    private Map<String, List<Ace>> daclByPath;

    private PeopleMatrix(List<AccessMatrix.Row> rows, List<DirectoryEntry> people, List<AccessToken> tokens, DirectoryState directory) {
        this.rows = rows;
        this.people = people;
        this.tokens = tokens;
        this.directory = directory;
        this.matrix = EffectiveMatrix.forFolders(rows.stream()
                .map(row -> new EffectiveMatrix.Acl(row.folder().ownerSid(), row.folder().dacl())).toList(), tokens);
    }

    /** @param includeDisabled also show disabled accounts (a report shows enabled accounts by default) */
    public static PeopleMatrix of(List<AccessMatrix.Row> rows, DirectoryState directory, boolean includeDisabled) {
        List<DirectoryEntry> people = includeDisabled ? directory.users() : directory.enabledUsers();
        return new PeopleMatrix(rows, people, people.stream().map(p -> directory.token(p.sid())).toList(), directory);
    }

    public List<AccessMatrix.Row> rows() {
        return rows;
    }

    public List<DirectoryEntry> people() {
        return people;
    }

    public Level level(int row, int person) {
        if (rows.get(row).folder().readError() != null) {
            return Level.NONE;
        }
        return matrix.level(people.get(person).sid(), row);
    }

    /** Why the person holds the cell's level, one line per access path ("Modify via Accounting → Finance-All (allow, …)"). */
    public List<String> explain(int row, int person) {
        MatrixFolder folder = rows.get(row).folder();
        var access = AccessCheck.of(folder.ownerSid(), folder.dacl()).evaluate(folder.ownerSid(), folder.dacl(), tokens.get(person));
        return AccessExplanation.describe(folder.path(), access, directory::nameOf, path -> daclByPath().get(path));
    }

    private Map<String, List<Ace>> daclByPath() {
        if (daclByPath == null) {
            daclByPath = new HashMap<>();
            rows.forEach(r -> daclByPath.put(r.folder().path(), r.folder().dacl()));
        }
        return daclByPath;
    }
}
