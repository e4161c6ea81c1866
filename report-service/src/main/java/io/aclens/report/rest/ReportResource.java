package io.aclens.report.rest;

import io.aclens.access.ReadableRows;
import io.aclens.auth.Roles;
import io.aclens.report.excel.ReportContent;
import io.aclens.support.security.Callers;
import io.aclens.support.security.ClientScope;
import jakarta.annotation.security.RolesAllowed;
import io.aclens.report.repository.ReportRepository;
import io.aclens.report.repository.ReportStore;
import io.aclens.report.service.ReportService;
import io.aclens.support.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api/v1")
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER, Roles.INTEGRATION, Roles.SERVICE})
public class ReportResource {
    private final Callers callers;
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportService reports;
    private final ReportRepository repository;
    private final ReportStore store;

    public ReportResource(ReportService reports, ReportRepository repository, ReportStore store, Callers callers) {
        this.callers = callers;
        this.reports = reports;
        this.repository = repository;
        this.store = store;
    }

    /** Builds the client's report now (on a worker thread: POI work never runs on the event loop). */
    @POST
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    @Path("/clients/{clientId}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response generate(@PathParam("clientId") String clientId, @QueryParam("language") @DefaultValue("en") String language,
                             @QueryParam("onlyDiffering") @DefaultValue("false") boolean onlyDiffering, @QueryParam("maxDepth") Integer maxDepth,
                             @QueryParam("path") java.util.List<String> pathPrefixes,
                             @QueryParam("department") java.util.List<String> departments) {
        callers.scope().require(clientId);
        RequestedLanguage.require(language);
        if (maxDepth != null && maxDepth < 0) {
            throw ProblemException.badRequest("maxDepth: 0 (the roots) or more");
        }
        Instant now = Instant.now();
        ReportContent.Layout matrices = new ReportContent.Layout(onlyDiffering, maxDepth == null ? ReadableRows.ANY_DEPTH : maxDepth,
                pathPrefixes == null ? java.util.List.of() : pathPrefixes, departments == null ? java.util.List.of() : departments,
                java.util.Set.of());
        ReportView view;
        try (ReportService.Generated generated = reports.generate(new ReportService.Request(clientId, "ON_DEMAND", null,
                now.minus(reports.changesPeriod()), now.plusSeconds(1), language, matrices, java.util.Set.of()))) {
            view = ReportView.of(generated);
        }
        return Response.created(URI.create("/api/v1/reports/" + view.reportId())).entity(view).build();
    }

    @GET
    @Path("/clients/{clientId}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<List<ReportView>> list(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return repository.forClient(clientId).map(list -> list.stream().map(ReportView::of).toList());
    }

    @GET
    @Path("/reports/{reportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<ReportView> get(@PathParam("reportId") long reportId) {
        ClientScope scope = callers.scope();
        return repository.findById(reportId).map(r -> scope.visible(r, r == null ? null : r.clientId, "report " + reportId))
                .map(ReportView::of);
    }

    /** Streams the workbook from its stored chunks (on a worker thread: a large one is never held whole). */
    @GET
    @Path("/reports/{reportId}/xlsx")
    @Produces(XLSX)
    @Blocking
    public Response download(@PathParam("reportId") long reportId) {
        ClientScope scope = callers.scope();
        ReportStore.StoredWorkbook found = store.workbook(reportId).await().atMost(java.time.Duration.ofSeconds(30));
        scope.visible(found, found == null ? null : found.clientId(), "report " + reportId);
        return Response.ok(store.streamed(reportId, found), XLSX).header("Content-Length", found.size())
                .header("Content-Disposition", "attachment; filename=\"aclens-report-" + reportId + ".xlsx\"").build();
    }
}
