package io.aclens.report.rest;

import io.aclens.access.AccessMatrix;
import io.aclens.access.Level;
import io.aclens.access.PeopleMatrix;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.PersonView;
import io.aclens.report.service.ClientState;
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
import java.util.Locale;

/**
 * The matrix by person over REST: who the people are, one cell with its reasons ("can Petrova change payroll
 * files, and why?"), and everything one person can access. Answers from each source's latest diffed snapshot
 * and the client's current directory.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {
    private final ClientState clientState;

    public AccessResource(ClientState clientState) {
        this.clientState = clientState;
    }

    @GET
    @Path("/clients/{clientId}/people")
    public List<PersonView> people(@PathParam("clientId") String clientId) {
        return clientState.load(clientId, true).directory().users().stream()
                .map(u -> new PersonView(u.sid(), u.name(), u.fullName(), u.department(), u.title(), u.mail(), u.enabled())).toList();
    }

    /** @param user a login, user principal name or SID; @param path a folder path exactly as the matrix shows it */
    @GET
    @Path("/clients/{clientId}/access")
    public CellAccessView cell(@PathParam("clientId") String clientId, @QueryParam("user") String user, @QueryParam("path") String path) {
        if (user == null || path == null) {
            throw ProblemException.badRequest("Both 'user' (login, UPN or SID) and 'path' (a folder as the matrix shows it) are required");
        }
        ClientState.Loaded state = clientState.load(clientId, true);
        for (ClientState.Source source : people(state)) {
            PeopleMatrix matrix = source.people();
            int person = personIndex(matrix, user);
            List<AccessMatrix.Row> rows = matrix.rows();
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).folder().path().equals(path)) {
                    DirectoryEntry who = matrix.people().get(person);
                    return new CellAccessView(who.sid(), who.name(), who.fullName(), source.snapshot().sourceId(), path,
                            matrix.level(r, person), matrix.level(r, person) == Level.NONE ? List.of() : matrix.explain(r, person));
                }
            }
        }
        throw ProblemException.notFound("No folder '" + path + "' in the latest snapshots of client " + clientId);
    }

    /** "What can this person access": every folder where they hold at least {@code minimum} (a level name or code). */
    @GET
    @Path("/clients/{clientId}/people/{user}/access")
    public List<CellAccessView> personAccess(@PathParam("clientId") String clientId, @PathParam("user") String user,
                                             @QueryParam("minimum") @DefaultValue("READ") String minimum) {
        Level floor = level(minimum);
        ClientState.Loaded state = clientState.load(clientId, true);
        List<CellAccessView> cells = new ArrayList<>();
        for (ClientState.Source source : people(state)) {
            PeopleMatrix matrix = source.people();
            int person = personIndex(matrix, user);
            DirectoryEntry who = matrix.people().get(person);
            for (int r = 0; r < matrix.rows().size(); r++) {
                Level level = matrix.level(r, person);
                if (level != Level.NONE && level.rank() >= floor.rank()) {
                    cells.add(new CellAccessView(who.sid(), who.name(), who.fullName(), source.snapshot().sourceId(),
                            matrix.rows().get(r).folder().path(), level, matrix.explain(r, person)));
                }
            }
        }
        return cells;
    }

    private static List<ClientState.Source> people(ClientState.Loaded state) {
        if (state.directory().isEmpty()) {
            throw new ProblemException(409, "No Directory", "No directory of this client has been synced yet; sync one "
                    + "(collector: POST /api/directories/{name}/syncs) to see access by person");
        }
        return state.sources();
    }

    private static int personIndex(PeopleMatrix matrix, String user) {
        String lower = user.toLowerCase(Locale.ROOT);
        List<DirectoryEntry> people = matrix.people();
        for (int i = 0; i < people.size(); i++) {
            DirectoryEntry p = people.get(i);
            if (p.sid().equals(user) || p.name().toLowerCase(Locale.ROOT).equals(lower)
                    || (p.userPrincipalName() != null && p.userPrincipalName().toLowerCase(Locale.ROOT).equals(lower))) {
                return i;
            }
        }
        throw ProblemException.notFound("No person '" + user + "' in the client's directory");
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
