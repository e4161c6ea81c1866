package io.aclens.contracts.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The report service's answers about access, read-only, defined once (see {@link SnapshotReadApi}): the people, one
 * cell with its reasons, what one person can reach, the matrix a level at a time, and the risky findings.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AccessReadApi {
    /** The people of the client's directory, disabled accounts included. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/people")
    Uni<List<PersonView>> people(@PathParam("clientId") String clientId);

    /** One cell: {@code user} (login, UPN or SID) on {@code path} (a folder as the matrix shows it), with why. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/access")
    Uni<CellAccessView> cell(@PathParam("clientId") String clientId, @QueryParam("user") String user, @QueryParam("path") String path,
                             @QueryParam("language") @DefaultValue("en") String language);

    /** Who can access one folder, and why: its ACL in order and every person holding any access there, most first. */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/folder-access")
    Uni<FolderAccessView> folderAccess(@PathParam("clientId") String clientId, @QueryParam("path") String path,
                                       @QueryParam("language") @DefaultValue("en") String language);

    /**
     * What one person can access, at least {@code minimum}, a page at a time ({@code after}: the previous page's next); with
     * {@code at} (an ISO instant), as it was then.
     */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/people/{user}/access")
    Uni<CellAccessPage> personAccess(@PathParam("clientId") String clientId, @PathParam("user") String user,
                                     @QueryParam("minimum") @DefaultValue("READ") String minimum,
                                     @QueryParam("language") @DefaultValue("en") String language,
                                     @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("after") String after,
                                     @QueryParam("at") String at);

    /**
     * One level of a source's matrix by person: the folders under {@code under} (the top ones when absent) against the
     * people of {@code department} and members of {@code group} (a name or SID; all when absent), a page of each.
     *
     * @param sourceId the source (its first one when absent)
     * @param all      every folder, not only those whose access differs from their parent's
     */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/matrix")
    Uni<MatrixSliceView> matrix(@PathParam("clientId") String clientId, @QueryParam("sourceId") String sourceId,
                                @QueryParam("under") String under, @QueryParam("all") @DefaultValue("false") boolean all,
                                @QueryParam("department") String department, @QueryParam("group") String group,
                                @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("200") int limit,
                                @QueryParam("peopleOffset") @DefaultValue("0") int peopleOffset,
                                @QueryParam("peopleLimit") @DefaultValue("40") int peopleLimit);

    /** The client's risky findings, most severe first; titles in {@code language} (en or ru). */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/findings")
    Uni<List<FindingView>> findings(@PathParam("clientId") String clientId, @QueryParam("language") @DefaultValue("en") String language);

    /**
     * The client's open findings by severity as counted when its last change set arrived: cheap enough to ask for every
     * client of a list (it loads nothing); 404 before the first of its snapshots is diffed.
     */
    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/clients/{clientId}/findings/summary")
    Uni<FindingSummaryView> findingSummary(@PathParam("clientId") String clientId);
}
