package io.aclens.console.web;

import io.aclens.console.account.Account;
import io.aclens.console.account.AccountService;
import io.aclens.console.security.ConsoleUser;
import io.aclens.console.security.Totp;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One's own account: the optional second factor. Turning it on shows a new secret (as a QR code for the phone, as text
 * and as the link an authenticator app takes) until a code from the app proves it holds it; turning it off takes a current code.
 */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AccountPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(Account account, String newSecret, String newSecretUri, RawString newSecretQr, String outcome);
    }

    private final AccountService accounts;
    private final SecurityIdentity identity;

    public AccountPage(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> show() {
        return page(null);
    }

    @POST
    @Path("/second-factor")
    public Uni<TemplateInstance> enable(@FormParam("secret") String secret, @FormParam("code") String code) {
        String email = Pages.user(identity).email();
        return accounts.enableSecondFactor(email, secret, code).flatMap(on -> on ? page("enabled") : page("wrong-code", secret));
    }

    @POST
    @Path("/second-factor/off")
    public Uni<TemplateInstance> disable(@FormParam("code") String code) {
        String email = Pages.user(identity).email();
        return accounts.disableSecondFactor(email, code).flatMap(off -> page(off ? "disabled" : "wrong-code"));
    }

    private Uni<TemplateInstance> page(String outcome) {
        return page(outcome, Totp.newSecret());
    }

    /** @param secret the secret offered while the second factor is off (the same again after a wrong code) */
    private Uni<TemplateInstance> page(String outcome, String secret) {
        ConsoleUser user = Pages.user(identity);
        return accounts.byEmail(user.email()).map(account -> {
            if (account.totpSecret != null) {
                return Pages.localized(Templates.account(account, null, null, null, outcome), user);
            }
            String link = Totp.uri(secret, account.email);
            return Pages.localized(Templates.account(account, secret, link, QrCodes.svg(link, "QR: " + link), outcome), user);
        });
    }
}
