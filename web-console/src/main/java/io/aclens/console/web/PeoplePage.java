package io.aclens.console.web;

import io.aclens.console.gateway.Answers;
import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.contracts.api.CellAccessPage;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.PersonView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The people of a client's directory, and one person: everything they can reach with why (a page at a time, from the read
 * model), what a disabled account would regain, and what they gained or lost in the last 30 days.
 */
@Path("/clients/{clientId}/people")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PeoplePage {
    static final int FOLDERS_PER_PAGE = 200;
    /** The API's largest page: an export of a person reaching a million folders takes 200 calls. */
    static final int EXPORT_PAGE = 5000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(String clientId, List<PersonView> people, String q);

        static native TemplateInstance person(String clientId, String login, CellAccessPage access, String minimum, String at,
                                              ChangesPage.Period period, List<EffectiveChangeView> changes);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public PeoplePage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> people(@PathParam("clientId") String clientId, @QueryParam("q") String query) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return gateway.access().people(clientId).map(people -> Pages.localized(Templates.people(clientId, people.stream()
                .filter(p -> q.isEmpty() || (p.login() + " " + p.fullName() + " " + p.department()).toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing((PersonView p) -> p.fullName() == null ? p.login() : p.fullName())).toList(), query == null ? "" : query),
                user));
    }

    /**
     * @param minimum the least level shown (a level code: R by default; RX, M, F)
     * @param after   the previous page's cursor
     * @param at      a past day (2026-03-31): what they could reach at its end, as the folders and the directory were then
     * @param from    the first day of the changes shown (30 days ago by default), {@code to} the last (today)
     */
    @GET
    @Path("/{user}")
    public Uni<TemplateInstance> person(@PathParam("clientId") String clientId, @PathParam("user") String login,
                                        @QueryParam("minimum") @DefaultValue("R") String minimum, @QueryParam("after") String after,
                                        @QueryParam("at") String at, @QueryParam("from") String from, @QueryParam("to") String to) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        LocalDate day = at == null || at.isBlank() ? null : day(at);
        String atInstant = day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1).toString();
        ChangesPage.Period period = ChangesPage.Period.of(from, to);
        Uni<CellAccessPage> asked = gateway.access().personAccess(clientId, login, minimum, user.language(), FOLDERS_PER_PAGE, after, atInstant);
        // a day before anything was scanned has nothing to show rather than nothing to find
        Uni<CellAccessPage> access = day == null ? asked : Answers.absentAs(asked, new CellAccessPage(List.of(), null));
        Uni<List<EffectiveChangeView>> changes = Answers.absentAs(gateway.effectiveChanges().effectiveChanges(clientId, period.fromInstant(),
                period.toInstant(), login), List.of());
        return Uni.combine().all().unis(access, changes).with((a, c) -> Pages.localized(Templates.person(clientId, login, a, minimum,
                day == null ? "" : day.toString(), period, c.stream().sorted(Comparator.comparing(EffectiveChangeView::detectedAt).reversed()).toList()),
                user));
    }

    /** Everything the person can reach (at least {@code minimum}), every page of it, as CSV. */
    @GET
    @Path("/{user}/export.csv")
    @Produces("text/csv")
    public Uni<jakarta.ws.rs.core.Response> export(@PathParam("clientId") String clientId, @PathParam("user") String login,
                                                  @QueryParam("minimum") @DefaultValue("R") String minimum) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        return allPages(clientId, login, minimum, user.language(), null, new java.util.ArrayList<>()).map(cells -> Csv.attachment(
                "aclens-" + clientId + "-" + login + "-access.csv", List.of("source", "folder", "level", "account", "why"), cells.stream()
                        .map(c -> List.of(c.sourceId(), c.path(), c.dormantLevel().description(user.language()), c.accountState(),
                                String.join("\n", c.reasons()))).toList()));
    }

    /** The person's folders page after page (the API's largest pages), in folder order. */
    private Uni<List<io.aclens.contracts.api.CellAccessView>> allPages(String clientId, String login, String minimum, String language, String after,
                                                                       List<io.aclens.contracts.api.CellAccessView> collected) {
        return gateway.access().personAccess(clientId, login, minimum, language, EXPORT_PAGE, after, null).flatMap(page -> {
            collected.addAll(page.items());
            return page.next() == null ? Uni.createFrom().item(collected) : allPages(clientId, login, minimum, language, page.next(), collected);
        });
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Dates are written 2026-11-30");
        }
    }
}
