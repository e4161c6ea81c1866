package io.aclens.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The layout of the access matrix: rows are folders in tree order, columns are the principals holding
 * any access anywhere (people first, then groups, well-known and unresolved SIDs), cells are levels.
 * Levels are evaluated once per distinct ACL and shared by every folder that has it.
 */
public final class AccessMatrix {
    private static final Comparator<Principal> COLUMN_ORDER = Comparator
            .comparing((Principal p) -> columnGroup(p.kind()))
            .thenComparing(p -> p.displayName().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Principal::sid);

    /** One folder row; {@code levels} is shared with every folder of the same ACL. */
    public record Row(MatrixFolder folder, Map<String, Level> levels) {
        public Level level(String sid) {
            return levels.getOrDefault(sid, Level.NONE);
        }

        /** The folder's own name (the path for the scan's root), shown indented by its depth. */
        public String name() {
            return folder.depth() == 0 ? folder.path() : FolderPath.name(folder.path());
        }
    }

    private final List<Principal> columns;
    private final List<Row> rows;

    private AccessMatrix(List<Principal> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * @param resolve names a SID (directory or well-known); unknown SIDs come back as UNRESOLVED principals
     */
    public static AccessMatrix of(Collection<MatrixFolder> folders, Function<String, Principal> resolve) {
        Map<List<Ace>, Map<String, Level>> levelsByAcl = new HashMap<>();
        List<Row> rows = new ArrayList<>(folders.size());
        Set<String> sidsWithAccess = new LinkedHashSet<>();
        for (MatrixFolder folder : folders) {
            Map<String, Level> levels = levelsByAcl.computeIfAbsent(folder.dacl(), acl -> {
                Map<String, Level> evaluated = PrincipalLevels.of(acl);
                evaluated.forEach((sid, level) -> {
                    if (level != Level.NONE) {
                        sidsWithAccess.add(sid);
                    }
                });
                return evaluated;
            });
            rows.add(new Row(folder, levels));
        }
        rows.sort(Comparator.comparing(row -> row.folder().path(), FolderPath.TREE_ORDER));
        List<Principal> columns = sidsWithAccess.stream().map(resolve).sorted(COLUMN_ORDER).toList();
        return new AccessMatrix(columns, rows);
    }

    public List<Principal> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    private static int columnGroup(PrincipalKind kind) {
        return switch (kind) {
            case USER -> 0;
            case GROUP -> 1;
            case WELL_KNOWN -> 2;
            case UNRESOLVED -> 3;
        };
    }
}
