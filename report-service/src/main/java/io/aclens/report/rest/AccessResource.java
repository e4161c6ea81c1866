package io.aclens.report.rest;

import io.aclens.auth.Roles;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.access.AccessMatrix;
import io.aclens.access.FolderPath;
import io.aclens.access.Level;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.MatrixFolder;
import io.aclens.contracts.api.AclEntryView;
import io.aclens.contracts.api.CellAccessPage;
import io.aclens.contracts.api.FolderAccessView;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.PersonView;
import io.aclens.report.service.ClientStateLoader;
import io.aclens.report.service.ClientStates;
import io.aclens.support.rest.ProblemException;
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
 * The matrix by person over REST: who the people are, one cell with its reasons ("can Petrova change payroll
 * files, and why?"), and everything one person can access, a page at a time. Answers from the read model: each
 * source's latest diffed snapshot and the client's directory, held in memory until they move on.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class AccessResource {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 5000;

    private final Callers callers;
    private final ClientStateLoader loader;
    private final ClientStates clientStates;

    public AccessResource(ClientStateLoader loader, ClientStates clientStates, Callers callers) {
        this.callers = callers;
        this.loader = loader;
        this.clientStates = clientStates;
    }

    @GET
    @Path("/clients/{clientId}/people")
    public List<PersonView> people(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return loader.directory(clientId).users().stream().map(AccessResource::personView).toList();
    }

    static PersonView personView(DirectoryEntry who) {
        return new PersonView(who.sid(), who.name(), who.fullName(), who.department(), who.title(), who.mail(), who.enabled());
    }

    /**
     * @param user     a login, user principal name or SID; @param path a folder path exactly as the matrix shows it
     * @param language the reasons' language, en or ru
     */
    @GET
    @Path("/clients/{clientId}/access")
    public CellAccessView cell(@PathParam("clientId") String clientId, @QueryParam("user") String user, @QueryParam("path") String path,
                               @QueryParam("language") @DefaultValue("en") String language) {
        callers.scope().require(clientId);
        RequestedLanguage.require(language);
        if (user == null || path == null) {
            throw ProblemException.badRequest("Both 'user' (login, UPN or SID) and 'path' (a folder as the matrix shows it) are required");
        }
        ClientStateLoader.Loaded state = clientStates.current(clientId);
        DirectoryEntry who = person(state, user);
        FolderAt folder = folderAt(state, clientId, path);
        int person = folder.matrix().personOf(who);
        return view(folder.matrix(), folder.row(), person, folder.source(), folder.matrix().explainer(person, language));
    }

    /**
     * Who can access one folder, and why: its ACL in order and every person holding any access there (or who would,
     * once re-enabled), most access first.
     *
     * @param path a folder as the matrix shows it
     */
    @GET
    @Path("/clients/{clientId}/folder-access")
    public FolderAccessView folderAccess(@PathParam("clientId") String clientId, @QueryParam("path") String path,
                                         @QueryParam("language") @DefaultValue("en") String language) {
        callers.scope().require(clientId);
        RequestedLanguage.require(language);
        if (path == null) {
            throw ProblemException.badRequest("'path' (a folder as the matrix shows it) is required");
        }
        ClientStateLoader.Loaded state = clientStates.current(clientId);
        if (state.directory().isEmpty()) {
            throw new ProblemException(409, "No Directory", "No directory of this client has been synced yet; sync one to see access by person");
        }
        FolderAt at = folderAt(state, clientId, path);
        PeopleMatrix matrix = at.matrix();
        List<CellAccessView> people = new ArrayList<>();
        for (int person = 0; person < matrix.people().size(); person++) {
            if (matrix.dormantLevel(at.row(), person) != Level.NONE) {
                people.add(view(matrix, at.row(), person, at.source(), matrix.explainer(person, language)));
            }
        }
        people.sort(java.util.Comparator.comparing((CellAccessView cell) -> cell.level().rank()).reversed()
                .thenComparing(cell -> cell.dormantLevel().rank(), java.util.Comparator.reverseOrder())
                .thenComparing(CellAccessView::login));
        List<AclEntryView> acl = matrix.acl(at.row()).stream().map(line -> new AclEntryView(line.ace().type().name(), line.ace().sid(),
                line.principal(), line.level().description(language), line.inheritedFrom(),
                line.ace().flags().contains(io.aclens.access.AceFlag.INHERIT_ONLY))).toList();
        MatrixFolder folder = matrix.rows().get(at.row()).folder();
        return new FolderAccessView(clientId, at.source().snapshot().sourceId(), at.source().snapshot().snapshotId(), folder.path(),
                folder.readError(), acl, people);
    }

    /** A folder found by path among the client's sources: the source, its matrix by person and the folder's row. */
    private record FolderAt(ClientStateLoader.Source source, PeopleMatrix matrix, int row) {
    }

    /** The folder at {@code path} in the first source that has it; 404 when none does. Needs the directory (matrices by person). */
    private static FolderAt folderAt(ClientStateLoader.Loaded state, String clientId, String path) {
        for (ClientStateLoader.Source source : state.sources()) {
            PeopleMatrix matrix = source.people();
            int row = matrix == null ? -1 : matrix.rowOf(path);
            if (row >= 0) {
                return new FolderAt(source, matrix, row);
            }
        }
        throw ProblemException.notFound("No folder '" + path + "' in the latest snapshots of client " + clientId);
    }

    /**
     * "What can this person access": the folders where they hold at least {@code minimum} (a level name or code), in source
     * and folder order, {@code limit} at a time; for an account that cannot log on, the folders it would reach if
     * re-enabled, each with level none.
     *
     * @param after the previous page's {@code next}
     * @param at    an earlier moment (ISO instant): as the client's folders and directory were then
     */
    @GET
    @Path("/clients/{clientId}/people/{user}/access")
    public CellAccessPage personAccess(@PathParam("clientId") String clientId, @PathParam("user") String user,
                                       @QueryParam("minimum") @DefaultValue("READ") String minimum,
                                       @QueryParam("language") @DefaultValue("en") String language,
                                       @QueryParam("limit") @DefaultValue("" + DEFAULT_PAGE) int limit, @QueryParam("after") String after,
                                       @QueryParam("at") String at) {
        callers.scope().require(clientId);
        RequestedLanguage.require(language);
        Level floor = level(minimum);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("'limit' is the page's size, 1 to " + MAX_PAGE);
        }
        ClientStateLoader.Loaded state = at == null || at.isBlank() ? clientStates.current(clientId) : clientStates.at(clientId, instant(at));
        DirectoryEntry who = person(state, user);
        PersonAccessCursor from = PersonAccessCursor.parse(after, state);
        List<CellAccessView> cells = new ArrayList<>();
        for (int s = from.source(); s < state.sources().size() && cells.size() < limit; s++) {
            ClientStateLoader.Source source = state.sources().get(s);
            PeopleMatrix matrix = source.people();
            int person = matrix.personOf(who);
            int[] rows = matrix.rowsWithAtLeast(person, floor, s == from.source() ? from.row() : 0, limit - cells.size());
            PeopleMatrix.Explainer reasons = matrix.explainer(person, language);
            for (int row : rows) {
                cells.add(view(matrix, row, person, source, reasons));
            }
            if (cells.size() == limit) {
                return new CellAccessPage(cells, PersonAccessCursor.after(source, rows[rows.length - 1]));
            }
        }
        return new CellAccessPage(cells, null);
    }

    private static CellAccessView view(PeopleMatrix matrix, int row, int person, ClientStateLoader.Source source, PeopleMatrix.Explainer reasons) {
        DirectoryEntry who = matrix.people().get(person);
        Level level = matrix.level(row, person);
        Level dormant = matrix.dormantLevel(row, person);
        String state = matrix.canLogOn(person) ? "active" : who.dormancyAt(source.directory().asOf());
        return new CellAccessView(who.sid(), who.name(), who.fullName(), source.snapshot().sourceId(), matrix.rows().get(row).folder().path(),
                level, dormant, state, reasons.explain(row));
    }

    /** The person asked about; every source's matrix by person has a column for them (disabled accounts included). */
    private static DirectoryEntry person(ClientStateLoader.Loaded state, String user) {
        if (state.directory().isEmpty()) {
            throw new ProblemException(409, "No Directory", "No directory of this client has been synced yet; sync one "
                    + "(collector: POST /api/v1/directories/{name}/syncs) to see access by person");
        }
        return state.directory().findUser(user)
                .orElseThrow(() -> ProblemException.notFound("No person '" + user + "' in the client's directory"));
    }

    private static java.time.Instant instant(String at) {
        try {
            return java.time.Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("'at' is an ISO instant, e.g. 2026-03-31T23:59:59Z");
        }
    }

    private static Level level(String value) {
        for (Level level : Level.values()) {
            if (level.name().equalsIgnoreCase(value) || level.code().equalsIgnoreCase(value)) {
                return level;
            }
        }
        throw ProblemException.badRequest("Unknown level '" + value + "'; use one of FULL, MODIFY, READ_EXECUTE, LIST_FOLDER, READ, WRITE, SPECIAL");
    }
}
