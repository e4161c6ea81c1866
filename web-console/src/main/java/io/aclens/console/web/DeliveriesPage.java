package io.aclens.console.web;

import io.aclens.auth.Roles;
import io.aclens.console.gateway.Answers;
import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.SubscriptionView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Who receives the client's package, when next, and every package sent, skipped or being retried (with why); as CSV too.
 * MSP staff also add, change and remove subscriptions, send a package now and send one again — through the same API
 * calls an integration makes, which refuse anyone else; a refused form comes back filled in, with the API's reasons.
 */
@Path("/clients/{clientId}/deliveries")
@Authenticated
public class DeliveriesPage {
    static final int SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deliveries(String clientId, List<SubscriptionView> subscriptions, List<DeliveryView> deliveries,
                                                  SubscriptionForm form, List<String> parts, String outcome, String subject, String problem);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public DeliveriesPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    /**
     * @param edit     a subscription whose values fill the form
     * @param outcome  what the previous form did ({@code saved}, {@code deleted}, {@code started}, {@code resent}) to
     *                 {@code subject}
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> deliveries(@PathParam("clientId") String clientId, @QueryParam("edit") String edit,
                                            @QueryParam("outcome") String outcome, @QueryParam("subject") String subject) {
        return page(clientId, edit, null, outcome, subject, null);
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<Response> save(@PathParam("clientId") String clientId, @FormParam("name") String name, @FormParam("to") String to,
                              @FormParam("cc") String cc, @FormParam("language") String language, @FormParam("timeZone") String timeZone,
                              @FormParam("cadence") String cadence, @FormParam("cron") String cron,
                              @FormParam("sendWhenUnchanged") boolean sendWhenUnchanged, @FormParam("contents") List<String> contents,
                              @FormParam("sources") String sources, @FormParam("pathPrefixes") String pathPrefixes,
                              @FormParam("departments") String departments) {
        Pages.userOf(identity, clientId);
        SubscriptionForm form = new SubscriptionForm(name == null ? "" : name.strip(), to, cc, language, timeZone, cadence, cron, sendWhenUnchanged,
                contents, sources, pathPrefixes, departments);
        return gateway.deliveryChanges().saveSubscription(clientId, form.name(), form.toRequest())
                .map(saved -> done(clientId, "saved", saved.name()))
                .onFailure(e -> Answers.refusal(e).isPresent())
                .recoverWithUni(e -> page(clientId, null, form, null, null, Answers.refusal(e).orElseThrow())
                        .map(page -> Response.status(400).entity(page).build()));
    }

    @POST
    @Path("subscriptions/{name}/delete")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<Response> delete(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        Pages.userOf(identity, clientId);
        return gateway.deliveryChanges().deleteSubscription(clientId, name).map(ignored -> done(clientId, "deleted", name));
    }

    /** "Run now": the package with the changes since this subscription's previous one. */
    @POST
    @Path("subscriptions/{name}/run")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<Response> runNow(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        Pages.userOf(identity, clientId);
        return gateway.deliveryChanges().runNow(clientId, name).map(delivery -> done(clientId, "started", name));
    }

    @POST
    @Path("{deliveryId}/resend")
    @RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
    public Uni<Response> resend(@PathParam("clientId") String clientId, @PathParam("deliveryId") long deliveryId) {
        Pages.userOf(identity, clientId);
        return gateway.deliveryChanges().resend(clientId, deliveryId).map(delivery -> done(clientId, "resent", String.valueOf(deliveryId)));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Uni<Response> export(@PathParam("clientId") String clientId) {
        Pages.userOf(identity, clientId);
        return gateway.deliveries().deliveries(clientId, SHOWN).map(deliveries -> Csv.attachment("aclens-" + clientId + "-deliveries.csv",
                List.of("delivery", "subscription", "period", "state", "attempts", "sent", "last error"), deliveries.stream()
                        .map(d -> List.of(String.valueOf(d.deliveryId()), d.subscription(), d.period(), d.state(), String.valueOf(d.attempts()),
                                d.sentAt() == null ? "" : d.sentAt().toString(), d.lastError() == null ? "" : d.lastError())).toList()));
    }

    private Uni<TemplateInstance> page(String clientId, String edit, SubscriptionForm refused, String outcome, String subject, String problem) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return Uni.combine().all().unis(gateway.deliveries().subscriptions(clientId), gateway.deliveries().deliveries(clientId, SHOWN))
                .with((subscriptions, deliveries) -> {
                    SubscriptionForm form = refused != null ? refused : subscriptions.stream().filter(s -> s.name().equals(edit)).findFirst()
                            .map(SubscriptionForm::of).orElseGet(SubscriptionForm::blank);
                    return Pages.localized(Templates.deliveries(clientId, subscriptions, deliveries, form, SubscriptionForm.PARTS, outcome,
                            subject, problem), user);
                });
    }

    /** After a change, the page again (a reload does not send the form twice), saying what was done. */
    private static Response done(String clientId, String outcome, String subject) {
        return Response.seeOther(URI.create("/clients/" + Urls.encode(clientId) + "/deliveries?outcome=" + outcome + "&subject="
                + Urls.encode(subject))).build();
    }
}
