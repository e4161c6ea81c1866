package io.aclens.report.rest;

import io.aclens.access.FolderTree;
import io.aclens.access.MatrixFolder;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.auth.Roles;
import io.aclens.contracts.api.MatrixRowView;
import io.aclens.contracts.api.MatrixSliceView;
import io.aclens.contracts.api.PersonView;
import io.aclens.report.service.ClientStateLoader;
import io.aclens.report.service.ClientStates;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.security.Callers;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix by person a level at a time, for a console that opens a million-folder tree folder by folder: the read
 * model's folder tree (built once per snapshot) gives the folders under the opened one, the matrix their levels for a
 * page of people. Nothing is reloaded per request.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class MatrixResource {
    static final int MAX_ROWS = 1000;
    static final int MAX_PEOPLE = 200;

    private final Callers callers;
    private final ClientStates clientStates;

    public MatrixResource(ClientStates clientStates, Callers callers) {
        this.callers = callers;
        this.clientStates = clientStates;
    }

    @GET
    @Path("/clients/{clientId}/matrix")
    @Blocking
    public MatrixSliceView matrix(@PathParam("clientId") String clientId, @QueryParam("sourceId") String sourceId,
                                  @QueryParam("under") String under, @QueryParam("all") @DefaultValue("false") boolean all,
                                  @QueryParam("department") String department, @QueryParam("group") String group,
                                  @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("200") int limit,
                                  @QueryParam("peopleOffset") @DefaultValue("0") int peopleOffset,
                                  @QueryParam("peopleLimit") @DefaultValue("40") int peopleLimit) {
        callers.scope().require(clientId);
        if (offset < 0 || limit < 1 || limit > MAX_ROWS || peopleOffset < 0 || peopleLimit < 1 || peopleLimit > MAX_PEOPLE) {
            throw ProblemException.badRequest("'offset' and 'peopleOffset' start at 0; 'limit' is 1 to " + MAX_ROWS + ", 'peopleLimit' 1 to "
                    + MAX_PEOPLE);
        }
        ClientStateLoader.Loaded state = clientStates.current(clientId);
        ClientStateLoader.Source source = source(state, sourceId);
        PeopleMatrix matrix = source.people();
        if (matrix == null) {
            throw new ProblemException(409, "No Directory", "No directory of this client has been synced yet; sync one "
                    + "(collector: POST /api/v1/directories/{name}/syncs) to see the matrix by person");
        }
        FolderTree tree = matrix.tree(!all);
        int parent = -1;
        if (under != null && !under.isEmpty()) {
            parent = matrix.rowOf(under);
            if (parent < 0 || !tree.listed(parent)) {
                throw ProblemException.notFound("No folder '" + under + "' " + (all ? "" : "that differs from its parent ") + "in source "
                        + source.snapshot().sourceId());
            }
        }
        String groupSid = group == null || group.isBlank() ? null : matrix.groupSid(group.strip())
                .orElseThrow(() -> ProblemException.notFound("No group '" + group + "' in the client's directory"));
        List<Integer> columns = columns(matrix, department, groupSid);
        List<Integer> shownColumns = columns.subList(Math.min(peopleOffset, columns.size()), Math.min(peopleOffset + peopleLimit, columns.size()));
        List<MatrixRowView> rows = new ArrayList<>();
        for (int row : tree.children(parent, offset, limit)) {
            MatrixFolder folder = matrix.rows().get(row).folder();
            List<String> levels = shownColumns.stream().map(person -> matrix.level(row, person).code()).toList();
            rows.add(new MatrixRowView(folder.path(), matrix.rows().get(row).name(), folder.depth(), tree.children(row), folder.readError(), levels));
        }
        List<PersonView> people = shownColumns.stream().map(p -> AccessResource.personView(matrix.people().get(p))).toList();
        return new MatrixSliceView(clientId, source.snapshot().sourceId(), source.snapshot().snapshotId(),
                state.sources().stream().map(s -> s.snapshot().sourceId()).toList(), parent < 0 ? null : under, !all, tree.children(parent), rows,
                columns.size(), people);
    }

    private static ClientStateLoader.Source source(ClientStateLoader.Loaded state, String sourceId) {
        if (sourceId == null || sourceId.isEmpty()) {
            return state.sources().get(0);
        }
        return state.sources().stream().filter(s -> s.snapshot().sourceId().equals(sourceId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No diffed snapshot of source '" + sourceId + "'"));
    }

    /**
     * The people who can log on, of the department when one is named (compared ignoring case) and members of the group when
     * one is (nested and primary membership count), in directory order.
     */
    private static List<Integer> columns(PeopleMatrix matrix, String department, String groupSid) {
        List<Integer> columns = new ArrayList<>();
        for (int p = 0; p < matrix.people().size(); p++) {
            DirectoryEntry person = matrix.people().get(p);
            if (matrix.canLogOn(p) && (department == null || department.isEmpty() || department.equalsIgnoreCase(person.department()))
                    && (groupSid == null || matrix.inGroup(p, groupSid))) {
                columns.add(p);
            }
        }
        return columns;
    }
}
