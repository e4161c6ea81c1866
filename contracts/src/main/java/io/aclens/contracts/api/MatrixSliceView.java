package io.aclens.contracts.api;

import java.util.List;

/**
 * One opened level of a source's matrix by person, as a console shows a million folders: the folders one level under
 * {@code under} (the top folders when null) against a page of people, each cell the person's effective level code
 * ({@code ""} for none). With only differing folders (the default), a folder whose access equals its parent's is left
 * out and its differing descendants appear under the nearest folder shown.
 *
 * @param sources     every source of the client with a matrix, to choose from
 * @param rowCount    how many folders hang under {@code under}; {@code rows} is a page of them
 * @param peopleCount how many people pass the filter; {@code people} is a page of them, in column order
 */
public record MatrixSliceView(String clientId, String sourceId, long snapshotId, List<String> sources, String under, boolean onlyDiffering,
                              int rowCount, List<MatrixRowView> rows, int peopleCount, List<PersonView> people) {
}
