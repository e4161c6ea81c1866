package io.aclens.console.web;

import io.aclens.console.account.AccountService;
import io.aclens.console.account.SingleSignOn;
import io.aclens.console.security.ConsoleSessions;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where the MSP's identity provider sends someone back (the authorization code flow, run by Quarkus OIDC on this path
 * only): their verified e-mail address names the account, which must be MSP staff's and enabled; then the identity
 * provider's session is dropped and the console's own session is opened, so from here on a single sign-on is an ordinary
 * console session (idle timeout, the account read at every click, signing out).
 */
@Path("/oidc")
public class SingleSignOnPage {
    /** A qualified field: {@code @IdToken} does not apply to constructor parameters. */
    @Inject
    @IdToken
    JsonWebToken idToken;
    private final OidcSession identityProviderSession;
    private final AccountService accounts;
    private final ConsoleSessions sessions;
    private final String emailClaim;

    public SingleSignOnPage(OidcSession identityProviderSession, AccountService accounts,
                            ConsoleSessions sessions, @ConfigProperty(name = "aclens.console.sso.email-claim") String emailClaim) {
        this.identityProviderSession = identityProviderSession;
        this.accounts = accounts;
        this.sessions = sessions;
        this.emailClaim = emailClaim;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> signIn(RoutingContext request) {
        String claimed = idToken.getClaim(emailClaim);
        String email = claimed == null ? null : claimed.toLowerCase(Locale.ROOT);
        Object verified = idToken.getClaim("email_verified");
        Uni<SingleSignOn> outcome = email == null || "false".equals(String.valueOf(verified))
                ? Uni.createFrom().item(SingleSignOn.NO_ACCOUNT)
                : accounts.signedInThroughIdentityProvider(email, idToken.getIssuer(), idToken.getSubject());
        return outcome.call(ignored -> identityProviderSession.logout()).map(result -> {
            if (result != SingleSignOn.SIGNED_IN) {
                return Response.seeOther(URI.create("/sign-in?sso=" + result.slug())).build();
            }
            sessions.open(email, request);
            return Response.ok(arrived()).build();
        });
    }

    /**
     * The last step is a navigation the console's own page starts, not a redirect: the browser came here from the identity
     * provider's site, and a strict same-site session cookie is not sent on a redirect that continues a cross-site chain.
     */
    private static String arrived() {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url=/clients\">"
                + "<title>ACLens</title></head><body><p><a href=\"/clients\">ACLens</a></p></body></html>";
    }
}
