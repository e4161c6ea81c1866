package io.aclens.gateway.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which service serves a request, decided by the path templates of the services' own OpenAPI documents: a request path
 * matches a template segment by segment ({@code {name}} matches any one segment); where several match, the one with a
 * literal segment earliest wins, as JAX-RS chooses between {@code /scans/{id}} and {@code /scans/recent}.
 */
public final class RouteTable {
    /** One path template and the service that serves it. */
    public record Route(String template, String service) {
    }

    private record Compiled(Route route, String[] segments) {
        boolean matches(String[] path) {
            for (int i = 0; i < segments.length; i++) {
                if (!isParameter(segments[i]) && !segments[i].equals(path[i]) || path[i].isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Comparator<Compiled> MOST_LITERAL_FIRST = (a, b) -> {
        for (int i = 0; i < a.segments.length; i++) {
            int literal = Boolean.compare(isParameter(a.segments[i]), isParameter(b.segments[i]));
            if (literal != 0) {
                return literal;
            }
        }
        return 0;
    };

    private final Map<Integer, List<Compiled>> bySegmentCount;

    private RouteTable(List<Route> routes) {
        bySegmentCount = routes.stream().map(route -> new Compiled(route, segments(route.template())))
                .collect(Collectors.groupingBy(compiled -> compiled.segments().length, Collectors.collectingAndThen(Collectors.toList(), list -> {
                    List<Compiled> sorted = new ArrayList<>(list);
                    sorted.sort(MOST_LITERAL_FIRST);
                    return List.copyOf(sorted);
                })));
    }

    public static RouteTable of(List<Route> routes) {
        return new RouteTable(routes);
    }

    public static RouteTable empty() {
        return new RouteTable(List.of());
    }

    /** The route that serves {@code rawPath} (the request's path, not decoded: {@code %2F} stays inside its segment). */
    public Optional<Route> match(String rawPath) {
        String[] path = segments(rawPath);
        return bySegmentCount.getOrDefault(path.length, List.of()).stream().filter(c -> c.matches(path)).map(Compiled::route).findFirst();
    }

    /** The template with its parameters' names dropped: two templates with the same shape would be ambiguous. */
    static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
