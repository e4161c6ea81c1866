package io.aclens.contracts.api;

import java.util.List;

/**
 * A folder of an opened matrix level.
 *
 * @param children  how many folders open under it (0: a leaf of this view)
 * @param readError why the collector could not read its permissions, or null
 * @param levels    each listed person's effective level code, in the slice's column order ({@code ""}: none)
 */
public record MatrixRowView(String path, String name, int depth, int children, String readError, List<String> levels) {
}
