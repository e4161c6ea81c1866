package io.aclens.console.web;

import io.aclens.console.account.Account;
import io.aclens.console.account.AccountService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** Where an invitation link leads: the invited person chooses their password, once, and then signs in with it. */
@Path("/invite/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(Account account, String problem);
    }

    private final AccountService accounts;

    public InvitationPage(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public Uni<TemplateInstance> show(@PathParam("token") String token) {
        return accounts.invited(token).map(account -> page(account, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> accept(@PathParam("token") String token, @FormParam("password") String password) {
        return accounts.accept(token, password).map(email -> Response.seeOther(URI.create("/sign-in?welcome=true")).build())
                .onFailure(IllegalArgumentException.class).recoverWithUni(problem -> accounts.invited(token)
                        .map(account -> Response.status(account == null ? 410 : 400).entity(page(account, problem.getMessage())).build()));
    }

    private static TemplateInstance page(Account account, String problem) {
        return Templates.invitation(account, problem).data("user", null).setLocale(Locale.forLanguageTag(account == null ? "en" : account.language));
    }
}
