package io.aclens.console.web;

import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.access.Level;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.MatrixRowView;
import io.aclens.contracts.api.MatrixSliceView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The matrix: the folder tree against people, opened a folder at a time (each opening is one call of the API's matrix
 * level), "only folders that differ from their parent" on by default, people filtered by department and paged; a click on
 * a cell shows its access paths.
 */
@Path("/clients/{clientId}/matrix")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MatrixPage {
    static final int ROWS_PER_OPENING = 200;
    static final int PEOPLE_PER_PAGE = 40;
    /** The levels a cell shows, most access first, with their colours' meaning. */
    static final List<Level> LEGEND = java.util.Arrays.stream(Level.values()).filter(l -> l != Level.NONE)
            .sorted(java.util.Comparator.comparingInt(Level::rank).reversed()).toList();

    /** The view's settings, carried by every link of the page. */
    public record View(String clientId, String sourceId, boolean all, String department, String group, int peopleOffset) {
        String base() {
            return "/clients/" + Urls.encode(clientId) + "/matrix";
        }

        String query() {
            return "sourceId=" + Urls.encode(sourceId) + "&all=" + all + "&department=" + Urls.encode(department) + "&group=" + Urls.encode(group)
                    + "&peopleOffset=" + peopleOffset;
        }

        /** The same view with the next page of people. */
        public String nextPeopleUrl(int peopleLimit) {
            return base() + "?" + new View(clientId, sourceId, all, department, group, peopleOffset + peopleLimit).query();
        }

        public String sourceUrl(String source) {
            return base() + "?" + new View(clientId, source, all, department, group, 0).query();
        }
    }

    /** One opened level: its rows and the links that open each of them, explain a cell or fetch the level's next rows. */
    public record Opening(View view, MatrixSliceView slice, int nextOffset) {
        public int remaining() {
            return slice.rowCount() - nextOffset;
        }

        public String openUrl(MatrixRowView row) {
            return view.base() + "/rows?" + view.query() + "&under=" + Urls.encode(row.path());
        }

        public String folderUrl(MatrixRowView row) {
            return "/clients/" + Urls.encode(view.clientId()) + "/folder?path=" + Urls.encode(row.path());
        }

        public String moreUrl() {
            return view.base() + "/rows?" + view.query() + "&under=" + Urls.encode(slice.under()) + "&offset=" + nextOffset;
        }

        public String cellUrl(MatrixRowView row, int column) {
            return view.base() + "/cell?user=" + Urls.encode(slice.people().get(column).login()) + "&path=" + Urls.encode(row.path());
        }

        public int columns() {
            return slice.people().size() + 1;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance matrix(Opening opening, int peoplePerPage, List<Level> legend);

        static native TemplateInstance rows(Opening opening);

        static native TemplateInstance cell(CellAccessView cell);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public MatrixPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> matrix(@PathParam("clientId") String clientId, @QueryParam("sourceId") String sourceId,
                                        @QueryParam("all") @DefaultValue("false") boolean all, @QueryParam("department") String department,
                                        @QueryParam("group") String group, @QueryParam("peopleOffset") @DefaultValue("0") int peopleOffset) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return slice(clientId, sourceId, null, all, department, group, 0, peopleOffset).map(slice -> Pages.localized(Templates.matrix(
                new Opening(new View(clientId, slice.sourceId(), all, department, group, peopleOffset), slice, slice.rows().size()), PEOPLE_PER_PAGE,
                LEGEND), user));
    }

    /** The rows under one folder, to insert below it. */
    @GET
    @Path("/rows")
    public Uni<TemplateInstance> rows(@PathParam("clientId") String clientId, @QueryParam("sourceId") String sourceId,
                                      @QueryParam("under") String under, @QueryParam("all") @DefaultValue("false") boolean all,
                                      @QueryParam("department") String department, @QueryParam("group") String group,
                                      @QueryParam("offset") @DefaultValue("0") int offset,
                                      @QueryParam("peopleOffset") @DefaultValue("0") int peopleOffset) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return slice(clientId, sourceId, under, all, department, group, offset, peopleOffset).map(slice -> Pages.localized(Templates.rows(
                new Opening(new View(clientId, slice.sourceId(), all, department, group, peopleOffset), slice, offset + slice.rows().size())), user));
    }

    @GET
    @Path("/cell")
    public Uni<TemplateInstance> cell(@PathParam("clientId") String clientId, @QueryParam("user") String login, @QueryParam("path") String path) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return gateway.access().cell(clientId, login, path, user.language()).map(cell -> Pages.localized(Templates.cell(cell), user));
    }

    private Uni<MatrixSliceView> slice(String clientId, String sourceId, String under, boolean all, String department, String group, int offset,
                                       int peopleOffset) {
        return gateway.access().matrix(clientId, sourceId, under, all, blankAsNull(department), blankAsNull(group), offset, ROWS_PER_OPENING,
                peopleOffset, PEOPLE_PER_PAGE);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
