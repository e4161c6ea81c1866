package io.aclens.console.web;

import io.aclens.console.security.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page for what went wrong. Another client's page, a page that does not exist and anything the API refuses to show
 * (401, 403, 404) all read "not found, or not yours": a client viewer learns nothing about other clients, not even that
 * they exist. Other API failures are a 502 saying so.
 */
public class ConsoleErrors {
    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(boolean notFound, int upstreamStatus, String problem);
    }

    private final CurrentIdentityAssociation identity;

    public ConsoleErrors(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response failed(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403 || status == 404 || status == 410) {
            return page(404, Templates.error(true, status, null));
        }
        if (status == 409) {
            return page(409, Templates.error(false, status, "no-directory")); // the API's "No Directory": nothing by person yet
        }
        if (status < 500 && e.getClass().getName().startsWith("jakarta.ws.rs")) {
            return page(status, Templates.error(false, status, null)); // the console's own: a form's bad value, a wrong method
        }
        LOG.warnf("The API answered %d: %s", status, e.getMessage());
        return page(502, Templates.error(false, status, null));
    }

    /** A page of another role (operations, accounts) is "not found" too, as for any page one may not see; the API says 403. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        if (request.path().startsWith("/console/api/")) {
            return Response.status(403).type("application/problem+json").entity(Map.of("status", 403, "title", "Forbidden",
                    "detail", "Only an MSP administrator's token may do this")).build();
        }
        return page(404, Templates.error(true, 403, null));
    }

    @ServerExceptionMapper
    public Response refused(IllegalArgumentException e) {
        return page(400, Templates.error(false, 400, e.getMessage()));
    }

    private Response page(int status, TemplateInstance page) {
        ConsoleUser user = ConsoleUser.of(identity.getIdentity());
        // an error page has no forms: the CSRF filter that would give them a token may not have run
        TemplateInstance shown = (user == null ? page.data("user", null).setLocale(Locale.ENGLISH) : Pages.localized(page, user)).data("forms", false);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(shown.render()).build();
    }
}
