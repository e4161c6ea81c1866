package io.aclens.console.web;

import io.aclens.contracts.api.SubscriptionRequest;
import io.aclens.contracts.api.SubscriptionView;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A subscription as its form on the deliveries page holds it: lists as text (addresses, sources and departments
 * separated by commas or lines; folder prefixes one per line, since a path may hold a comma). The API checks the
 * values and names every mistake; the form only carries them there and back.
 */
public record SubscriptionForm(String name, String to, String cc, String language, String timeZone, String cadence, String cron,
                               boolean sendWhenUnchanged, List<String> contents, String sources, String pathPrefixes, String departments) {
    /** The parts a package may hold, in the order the form offers them (the API's names). */
    public static final List<String> PARTS = List.of("MATRIX_BY_PERSON", "MATRIX_BY_GROUP", "CHANGES", "FINDINGS");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\r\\n]+");
    private static final Pattern LINE_SEPARATOR = Pattern.compile("[\\r\\n]+");

    public SubscriptionForm {
        contents = contents == null ? List.of() : List.copyOf(contents);
    }

    /** A new subscription as most clients get it: the monthly package in Russian, every part, sent even when nothing changed. */
    public static SubscriptionForm blank() {
        return new SubscriptionForm("", "", "", "ru", "Europe/Moscow", "MONTHLY", "", true, PARTS, "", "", "");
    }

    public static SubscriptionForm of(SubscriptionView view) {
        return new SubscriptionForm(view.name(), String.join(", ", view.to()), String.join(", ", view.cc()), view.language(), view.timeZone(),
                view.cadence(), ownCron(view), view.sendWhenUnchanged(), view.contents().isEmpty() ? PARTS : view.contents(),
                String.join(", ", view.sources()), String.join("\n", view.pathPrefixes()), String.join(", ", view.departments()));
    }

    /**
     * A stored cron that is only its cadence's default is shown empty: otherwise changing the cadence in the form would keep
     * the other cadence's schedule (a weekly subscription sent on the 1st of the month).
     */
    private static String ownCron(SubscriptionView view) {
        String byDefault = "WEEKLY".equals(view.cadence()) ? SubscriptionRequest.DEFAULT_WEEKLY_CRON : SubscriptionRequest.DEFAULT_MONTHLY_CRON;
        return byDefault.equals(view.cron()) ? "" : view.cron();
    }

    public SubscriptionRequest toRequest() {
        return new SubscriptionRequest(split(to, LIST_SEPARATOR), split(cc, LIST_SEPARATOR), language, blankAsNull(timeZone), cadence, blankAsNull(cron),
                sendWhenUnchanged, split(sources, LIST_SEPARATOR), split(pathPrefixes, LINE_SEPARATOR), split(departments, LIST_SEPARATOR),
                contents.size() == PARTS.size() ? List.of() : contents);
    }

    public boolean includes(String part) {
        return contents.contains(part);
    }

    private static List<String> split(String text, Pattern separator) {
        return text == null ? List.of() : Arrays.stream(separator.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
