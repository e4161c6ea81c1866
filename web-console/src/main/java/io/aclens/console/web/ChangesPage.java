package io.aclens.console.web;

import io.aclens.console.gateway.Gateway;
import io.aclens.console.security.ConsoleUser;
import io.aclens.contracts.api.EffectiveChangeView;
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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * What people gained or lost in a period ("what changed last month?"), with the cause; by person when one is named;
 * exported as CSV.
 */
@Path("/clients/{clientId}/changes")
@Authenticated
public class ChangesPage {
    /** A period of whole days, UTC: {@code from} inclusive, {@code to} inclusive. */
    public record Period(LocalDate from, LocalDate to) {
        public static Period of(String from, String to) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            try {
                LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to);
                LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : LocalDate.parse(from);
                if (start.isAfter(end)) {
                    throw new IllegalArgumentException("The period starts after it ends");
                }
                return new Period(start, end);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Dates are written 2026-11-30");
            }
        }

        /** The previous calendar month. */
        public static Period lastMonth() {
            LocalDate first = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
            return new Period(first, first.plusMonths(1).minusDays(1));
        }

        public String fromInstant() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        }

        public String toInstant() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance changes(String clientId, Period period, Period lastMonth, String person, List<EffectiveChangeView> changes);
    }

    private final Gateway gateway;
    private final SecurityIdentity identity;

    public ChangesPage(Gateway gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> changes(@PathParam("clientId") String clientId, @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("user") String person) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        Period period = Period.of(from, to);
        return read(clientId, period, person).map(changes -> Pages.localized(Templates.changes(clientId, period, Period.lastMonth(),
                person == null ? "" : person, changes), user));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Uni<Response> export(@PathParam("clientId") String clientId, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("user") String person) {
        ConsoleUser user = Pages.userOf(identity, clientId);
        Period period = Period.of(from, to);
        return read(clientId, period, person).map(changes -> Csv.attachment("aclens-" + clientId + "-changes-" + period.from() + "-" + period.to()
                + ".csv", List.of("detected", "login", "name", "source", "folder", "change", "before", "after", "cause", "detail"), changes.stream()
                .map(c -> List.of(c.detectedAt().toString(), c.login(), c.fullName(), c.sourceId(), c.path(), c.kind().name(),
                        c.before().description(user.language()), c.after().description(user.language()), c.cause().name(),
                        c.detail() == null ? "" : c.detail())).toList()));
    }

    private Uni<List<EffectiveChangeView>> read(String clientId, Period period, String person) {
        return gateway.effectiveChanges().effectiveChanges(clientId, period.fromInstant(), period.toInstant(),
                person == null || person.isBlank() ? null : person).map(changes -> changes.stream()
                .sorted(Comparator.comparing(EffectiveChangeView::detectedAt).reversed()).toList());
    }
}
