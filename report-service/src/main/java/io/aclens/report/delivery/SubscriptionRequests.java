package io.aclens.report.delivery;

import io.aclens.contracts.api.SubscriptionRequest;
import io.aclens.contracts.api.SubscriptionView;
import io.aclens.report.delivery.DeliverySchedule.Cadence;
import io.aclens.report.repository.SubscriptionRepository.Subscription;
import java.time.Instant;
import io.aclens.access.ReadableRows;
import io.aclens.report.excel.ReportContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a subscription request and fills in the defaults; every problem is named in one message. */
public final class SubscriptionRequests {
    public static final String DEFAULT_LANGUAGE = "ru";
    public static final String DEFAULT_TIME_ZONE = "Europe/Moscow";
    /** What a subscription's or an alert channel's name may be: it is part of URLs. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** An e-mail address, loosely: something@host.domain without separators. */
    public static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+");

    private SubscriptionRequests() {
    }

    /** @throws IllegalArgumentException listing what is wrong */
    public static Subscription toSubscription(String clientId, String name, SubscriptionRequest request) {
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            problems.add("name: letters, digits, '.', '_' or '-', at most 64");
        }
        List<String> to = request.to() == null ? List.of() : request.to();
        List<String> cc = request.cc() == null ? List.of() : request.cc();
        if (to.isEmpty()) {
            problems.add("to: at least one recipient");
        }
        for (String address : concat(to, cc)) {
            if (address == null || !ADDRESS.matcher(address).matches()) {
                problems.add("'" + address + "' is not an e-mail address");
            }
        }
        String language = request.language() == null ? DEFAULT_LANGUAGE : request.language().toLowerCase(Locale.ROOT);
        if (!language.equals("ru") && !language.equals("en")) {
            problems.add("language: ru or en");
        }
        String timeZone = request.timeZone() == null ? DEFAULT_TIME_ZONE : request.timeZone();
        Cadence cadence = null;
        try {
            cadence = request.cadence() == null ? Cadence.MONTHLY : Cadence.valueOf(request.cadence().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("cadence: MONTHLY or WEEKLY");
        }
        String cron = null;
        if (cadence != null) {
            cron = request.cron() == null || request.cron().isBlank() ? cadence.defaultCron() : request.cron().strip();
            try {
                DeliverySchedule.of(cadence, cron, timeZone);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        List<String> contents = request.contents() == null ? List.of() : request.contents().stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        for (String part : contents) {
            if (Arrays.stream(ReportContent.Part.values()).noneMatch(p -> p.name().equals(part))) {
                problems.add("contents: " + part + " is none of " + Arrays.toString(ReportContent.Part.values()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Subscription(clientId, name, List.copyOf(to), List.copyOf(cc), language, timeZone, cadence.name(), cron,
                request.sendWhenUnchanged() == null || request.sendWhenUnchanged(), nonBlank(request.sources()), nonBlank(request.pathPrefixes()),
                nonBlank(request.departments()), contents, null, null);
    }

    public static SubscriptionView toView(Subscription s, Instant now) {
        return new SubscriptionView(s.clientId(), s.name(), s.to(), s.cc(), s.language(), s.timeZone(), s.cadence(), s.cron(), s.sendWhenUnchanged(),
                s.sources(), s.pathPrefixes(), s.departments(), s.contents(), DeliveryPlanner.schedule(s).next(now).orElse(null), s.createdAt(), s.updatedAt());
    }

    /** The layout of a subscription's package: the folders where access changes, within its prefixes and departments, with its parts. */
    public static ReportContent.Layout layout(Subscription s) {
        Set<ReportContent.Part> parts = EnumSet.noneOf(ReportContent.Part.class);
        s.contents().forEach(part -> parts.add(ReportContent.Part.valueOf(part)));
        return new ReportContent.Layout(true, ReadableRows.ANY_DEPTH, s.pathPrefixes(), s.departments(), parts);
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
