package io.aclens.console.web;

import io.aclens.console.gateway.Answers;
import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.FolderAccessView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;

/** One folder: who can access it (people, levels, paths), its ACL in order with where each entry comes from, its changes. */
@Path("/clients/{clientId}/folder")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class FolderPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance folder(String clientId, FolderAccessView folder, List<EffectiveChangeView> changes);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public FolderPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    /** Who can access the folder, as CSV: one row per person, their level and each reason. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Uni<jakarta.ws.rs.core.Response> export(@PathParam("clientId") String clientId, @QueryParam("path") String path) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return gateway.access().folderAccess(clientId, path, user.language()).map(folder -> Csv.attachment("aclens-" + clientId + "-folder-access.csv",
                List.of("folder", "login", "name", "level", "account", "why"), folder.people().stream()
                        .map(p -> List.of(folder.path(), p.login(), p.fullName() == null ? "" : p.fullName(), p.dormantLevel().description(user.language()),
                                p.accountState(), String.join("\n", p.reasons()))).toList()));
    }

    @GET
    public Uni<TemplateInstance> folder(@PathParam("clientId") String clientId, @QueryParam("path") String path) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        Uni<FolderAccessView> folder = gateway.access().folderAccess(clientId, path, user.language());
        Uni<List<EffectiveChangeView>> changes = Answers.absentAs(gateway.effectiveChanges().effectiveChanges(clientId, null, null, null), List.of());
        return Uni.combine().all().unis(folder, changes).with((f, c) -> Pages.localized(Templates.folder(clientId, f, c.stream()
                .filter(change -> change.path().equals(f.path())).sorted(Comparator.comparing(EffectiveChangeView::detectedAt).reversed()).toList()),
                user));
    }
}
