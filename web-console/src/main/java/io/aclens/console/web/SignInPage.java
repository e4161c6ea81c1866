package io.aclens.console.web;

import io.aclens.console.account.SingleSignOn;
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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out. The form posts to Quarkus' form authentication ({@code /j_security_check}), which sets an encrypted
 * session cookie that expires after the idle timeout; signing out drops it.
 */
@Path("/")
public class SignInPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean failed, boolean passwordSet, SingleSignOnButton sso, String ssoOutcome);
    }

    /** The identity provider's button, when single sign-on is on; {@code provider} may be empty. */
    public record SingleSignOnButton(String provider) {
    }

    private final SecurityIdentity identity;
    private final SingleSignOnButton singleSignOn;

    public SignInPage(SecurityIdentity identity, @ConfigProperty(name = "aclens.console.sso.enabled") boolean singleSignOn,
                      @ConfigProperty(name = "aclens.console.sso.provider-name") Optional<String> provider) {
        this.identity = identity;
        this.singleSignOn = singleSignOn ? new SingleSignOnButton(provider.map(String::strip).orElse("")) : null;
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
                                   @QueryParam("sso") String ssoOutcome, @HeaderParam("Accept-Language") String languages) {
        boolean russian = languages != null && languages.toLowerCase(Locale.ROOT).startsWith("ru");
        // why a single sign-on was refused (from SingleSignOnPage): only a known refusal is shown
        String outcome = SingleSignOn.refusal(ssoOutcome).map(SingleSignOn::slug).orElse(null);
        return Templates.signIn(error, welcome, singleSignOn, outcome).data("user", null).setLocale(russian ? Locale.forLanguageTag("ru") : Locale.ENGLISH);
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/sign-in")).build();
    }
}
