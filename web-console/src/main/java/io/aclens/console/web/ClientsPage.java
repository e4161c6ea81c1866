package io.aclens.console.web;

import io.aclens.console.gateway.Answers;
import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.contracts.api.ClientView;
import io.aclens.contracts.api.FindingSummaryView;
import io.aclens.contracts.api.LagView;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SubscriptionView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The clients one can see: MSP staff every client, a client viewer theirs. Each with its sources' last scans and freshness
 * and its findings by severity; for MSP staff, a warning when a consumer of the pipeline lags.
 */
@Path("/clients")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ClientsPage {
    /** A consumer this far behind makes the page warn. */
    static final double LAGGING_SECONDS = 300;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clients(List<ClientSummary> clients, List<LagView.Group> lagging, String q, String sort);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public ClientsPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> clients(@QueryParam("q") String query, @QueryParam("sort") @DefaultValue("name") String sort) {
        ConsoleUser user = Pages.user(identity);
        Uni<List<ClientView>> named = user.seesEveryClient() ? gateway.collector().clients()
                : Uni.createFrom().item(user.clients().stream().map(id -> new ClientView(id, id, null, 0, 0, null)).toList());
        Uni<List<LagView.Group>> lagging = user.mspStaff()
                ? gateway.collector().lag(false).map(lag -> lag.groups().stream().filter(g -> g.lagSeconds() > LAGGING_SECONDS).toList())
                        .onFailure().recoverWithItem(List.of())
                : Uni.createFrom().item(List.of());
        Uni<List<ClientSummary>> summaries = named.flatMap(clients -> clients.isEmpty() ? Uni.createFrom().item(List.<ClientSummary>of())
                : Uni.join().all(clients.stream().filter(c -> user.sees(c.clientId())).map(this::summary).toList()).andFailFast());
        return Uni.combine().all().unis(summaries, lagging).with((all, lags) -> Pages.localized(Templates.clients(
                all.stream().filter(c -> c.matches(query)).sorted(ClientSummary.order(sort)).toList(), lags, query == null ? "" : query, sort), user));
    }

    /**
     * A client not scanned yet has no scans and no findings counted: shown as such, not as an error. Its findings come as
     * the counts the report service keeps, so listing fifty clients never has it load fifty clients' states.
     */
    private Uni<ClientSummary> summary(ClientView client) {
        Uni<List<ScanView>> scans = Answers.absentAs(gateway.scans().scans(client.clientId(), 100), List.of());
        Uni<FindingSummaryView> findings = Answers.absentAs(gateway.access().findingSummary(client.clientId()), null);
        Uni<List<SubscriptionView>> subscriptions = Answers.absentAs(gateway.deliveries().subscriptions(client.clientId()), List.of());
        String name = client.displayName() == null ? client.clientId() : client.displayName();
        return Uni.combine().all().unis(scans, findings, subscriptions).with((s, f, d) -> ClientSummary.of(client.clientId(), name, s, f)
                .withNextDelivery(d));
    }
}
