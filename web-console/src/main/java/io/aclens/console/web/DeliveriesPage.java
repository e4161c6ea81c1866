package io.aclens.console.web;

import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.SubscriptionView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Who receives the client's package, when next, and every package sent, skipped or being retried (with why); as CSV too. */
@Path("/clients/{clientId}/deliveries")
@Authenticated
public class DeliveriesPage {
    static final int SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deliveries(String clientId, List<SubscriptionView> subscriptions, List<DeliveryView> deliveries);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public DeliveriesPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> deliveries(@PathParam("clientId") String clientId) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return Uni.combine().all().unis(gateway.deliveries().subscriptions(clientId), gateway.deliveries().deliveries(clientId, SHOWN))
                .with((subscriptions, deliveries) -> Pages.localized(Templates.deliveries(clientId, subscriptions, deliveries), user));
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
}
