package io.aclens.console.web;

import io.aclens.console.gateway.Answers;
import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.FindingView;
import io.aclens.contracts.api.ScanView;
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
import java.util.Comparator;
import java.util.List;

/** One client: its sources and their last scans, its findings, the changes of the last 30 days by day and one by one. */
@Path("/clients/{clientId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ClientPage {
    static final int CHANGES_SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance client(ClientSummary client, List<FindingView> findings, ChangesByDay chart,
                                              List<EffectiveChangeView> changes, int changeCount);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public ClientPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    /** The client's findings as CSV, most severe first. */
    @GET
    @Path("/findings.csv")
    @Produces("text/csv")
    public Uni<jakarta.ws.rs.core.Response> findings(@PathParam("clientId") String clientId) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return gateway.access().findings(clientId, user.language()).map(findings -> Csv.attachment("aclens-" + clientId + "-findings.csv",
                List.of("severity", "finding", "source", "subject", "folders", "first folders", "people"), findings.stream()
                        .map(f -> List.of(f.severity(), f.title(), f.sourceId(), f.subject() == null ? "" : f.subject(), String.valueOf(f.folderCount()),
                                String.join("; ", f.folders()), String.join("; ", f.people()))).toList()));
    }

    @GET
    public Uni<TemplateInstance> client(@PathParam("clientId") String clientId) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        Uni<List<ScanView>> scans = gateway.scans().scans(clientId, 100);
        Uni<List<FindingView>> findings = Answers.absentAs(gateway.access().findings(clientId, user.language()), List.of());
        Uni<List<EffectiveChangeView>> changes = Answers.absentAs(gateway.effectiveChanges().effectiveChanges(clientId, null, null, null), List.of());
        return Uni.combine().all().unis(scans, findings, changes).with((s, f, c) -> {
            List<EffectiveChangeView> newestFirst = c.stream().sorted(Comparator.comparing(EffectiveChangeView::detectedAt).reversed()).toList();
            return Pages.localized(Templates.client(ClientSummary.of(clientId, clientId, s, ClientSummary.counted(clientId, f)), f, ChangesByDay.of(c),
                    newestFirst.subList(0, Math.min(CHANGES_SHOWN, newestFirst.size())), c.size()), user);
        });
    }
}
