package io.aclens.console.web;

import io.aclens.console.account.AccountService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The language a user reads the console in, kept with their account; back to the page they were on. */
@Path("/language")
@Authenticated
public class LanguageResource {
    private final AccountService accounts;
    private final SecurityIdentity identity;

    public LanguageResource(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> choose(@FormParam("language") String language, @HeaderParam("Referer") String referer) {
        String email = Pages.user(identity).email();
        return accounts.setLanguage(email, language).map(ignored -> Response.seeOther(back(referer)).build());
    }

    /** The page's path and query only: a referer naming another site must not make this an open redirect. */
    static URI back(String referer) {
        try {
            URI from = URI.create(referer == null ? "/clients" : referer);
            String path = from.getRawPath() == null || from.getRawPath().isEmpty() ? "/clients" : from.getRawPath();
            return URI.create(path + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
        } catch (IllegalArgumentException malformed) {
            return URI.create("/clients");
        }
    }
}
