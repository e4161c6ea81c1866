package io.aclens.report.rest;

import io.aclens.report.delivery.DownloadLinks;
import io.aclens.report.delivery.PackageMail;
import io.aclens.report.repository.ReportStore;
import io.aclens.support.audit.Credential;
import io.aclens.support.rest.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * A package's workbook through the link its mail carried instead of an attachment. The link's token is the credential
 * (the recipient has no API account), so this one operation takes no bearer token, and a bearer token opens nothing here.
 */
@Path("/api/v1")
public class DownloadResource {
    /** Marks the operation in the OpenAPI document as one whose credential is the link itself. */
    public static final String LINK_CREDENTIAL = "x-aclens-credential";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final java.time.Duration STORE_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final DownloadLinks links;
    private final ReportStore store;

    public DownloadResource(DownloadLinks links, ReportStore store) {
        this.links = links;
        this.store = store;
    }

    @GET
    @PermitAll
    @Path("/clients/{clientId}/downloads/{token}")
    @Produces(PackageMail.XLSX)
    @Extension(name = LINK_CREDENTIAL, value = "link")
    @Blocking
    public Response download(@PathParam("clientId") String clientId, @PathParam("token") @Credential String token) {
        ProblemException unknown = ProblemException.notFound("No such download link: it may be incomplete — copy the whole link from the mail");
        if (!TOKEN.matcher(token).matches()) {
            throw unknown;
        }
        io.aclens.report.repository.DownloadLinkRepository.Link found = links.use(clientId, token).await().atMost(STORE_TIMEOUT).orElseThrow(() -> unknown);
        if (!found.expiresAt().isAfter(Instant.now())) {
            throw new ProblemException(410, "Link expired", "This download link expired at " + found.expiresAt()
                    + "; ask your IT partner to send the package again");
        }
        long reportId = found.reportId();
        ReportStore.StoredWorkbook workbook = store.workbook(reportId).await().atMost(STORE_TIMEOUT);
        if (workbook == null) {
            throw unknown;
        }
        return Response.ok(store.streamed(reportId, workbook), PackageMail.XLSX).header("Content-Length", workbook.size())
                .header("Content-Disposition", "attachment; filename=\"aclens-" + clientId + "-report-" + reportId + ".xlsx\"")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
