package io.aclens.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/**
 * Signing in and out. The form posts to Quarkus' form authentication ({@code /j_security_check}), which sets an encrypted
 * session cookie that expires after the idle timeout; signing out drops it.
 */
@Path("/")
public class SignInPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean failed, boolean passwordSet);
    }

    private final SecurityIdentity identity;

    public SignInPage(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/clients")).build();
    }

    /** In the browser's language (Russian or English) until the user's own choice is known. */
    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signIn(@QueryParam("error") boolean error, @QueryParam("welcome") boolean welcome,
                                   @HeaderParam("Accept-Language") String languages) {
        boolean russian = languages != null && languages.toLowerCase(Locale.ROOT).startsWith("ru");
        return Templates.signIn(error, welcome).data("user", null).setLocale(russian ? Locale.forLanguageTag("ru") : Locale.ENGLISH);
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/sign-in")).build();
    }
}
