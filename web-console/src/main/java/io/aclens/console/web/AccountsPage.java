package io.aclens.console.web;

import io.aclens.auth.Roles;
import io.aclens.console.account.Account;
import io.aclens.console.account.AccountService;
import io.aclens.console.security.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** For the MSP's administrators: who has an account, and inviting someone (the link is shown once, to be sent to them). */
@Path("/accounts")
@RolesAllowed(Roles.MSP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(List<Account> accounts, String invitationLink, String invited, String problem);
    }

    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final String publicUrl;

    public AccountsPage(AccountService accounts, SecurityIdentity identity, @ConfigProperty(name = "aclens.console.public-url") String publicUrl) {
        this.accounts = accounts;
        this.identity = identity;
        this.publicUrl = publicUrl;
    }

    @GET
    public Uni<TemplateInstance> list() {
        return page(null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> invite(@FormParam("email") String email, @FormParam("displayName") String displayName,
                                        @FormParam("role") String role, @FormParam("clients") String clients,
                                        @FormParam("language") String language) {
        ConsoleUser admin = Pages.user(identity);
        List<String> clientIds = clients == null ? List.of() : Arrays.stream(clients.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        return accounts.invite(email, displayName, role, clientIds, language, admin.email())
                .flatMap(invitation -> page(AccountLinks.invitation(publicUrl, invitation), invitation.email(), null))
                .onFailure(e -> e instanceof IllegalArgumentException || e instanceof IllegalStateException)
                .recoverWithUni(e -> page(null, null, e.getMessage()));
    }

    /** Disables an account (its sessions end at their next request) or enables it again; not one's own. */
    @POST
    @Path("/disabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> disable(@FormParam("email") String email, @FormParam("disabled") boolean disabled) {
        ConsoleUser admin = Pages.user(identity);
        if (admin.email().equalsIgnoreCase(email)) {
            return page(null, null, "You cannot disable your own account");
        }
        return accounts.setDisabled(email, disabled).flatMap(ignored -> page(null, null, null));
    }

    private Uni<TemplateInstance> page(String link, String invited, String problem) {
        ConsoleUser admin = Pages.user(identity);
        return accounts.everyone().map(all -> Pages.localized(Templates.accounts(all, link, invited, problem), admin));
    }
}
