package io.aclens.contracts.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations a typed API (an interface such as {@link SnapshotReadApi}) declares with its JAX-RS
 * annotations, read once by reflection: a stub serves the interface from them, the command calls it through them, and
 * the contract test checks the provider's OpenAPI document lists each. Quarkus does the same for the services; this is
 * the few lines the plain-JDK sides need, so no side keeps its own copy of a path.
 */
public final class ApiOperations {
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private ApiOperations() {
    }

    /**
     * One operation: its HTTP method ({@code GET}), path template ({@code /api/v1/snapshots/{snapshotId}}) and how the
     * method's arguments fill it.
     */
    public record Operation(String httpMethod, Method method, String template, Pattern pattern, List<String> templateNames) {

        /** The path parameters when a request with this HTTP method and {@code path} is this operation's, else empty. */
        public Optional<Map<String, String>> match(String requestMethod, String path) {
            if (!httpMethod.equals(requestMethod)) {
                return Optional.empty();
            }
            Matcher matcher = pattern.matcher(path);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < templateNames.size(); i++) {
                values.put(templateNames.get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
            }
            return Optional.of(values);
        }

        /** The method's arguments for a request: path parameters, then query parameters or their declared defaults; no body. */
        public Object[] arguments(Map<String, String> pathValues, Map<String, String> query) {
            Parameter[] parameters = method.getParameters();
            Object[] arguments = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                PathParam pathParam = parameters[i].getAnnotation(PathParam.class);
                QueryParam queryParam = parameters[i].getAnnotation(QueryParam.class);
                DefaultValue fallback = parameters[i].getAnnotation(DefaultValue.class);
                String value = pathParam != null ? pathValues.get(pathParam.value())
                        : queryParam != null ? query.getOrDefault(queryParam.value(), fallback == null ? null : fallback.value()) : null;
                // the request's body (a write's entity) is no parameter of the path or query: left to the caller
                arguments[i] = pathParam == null && queryParam == null ? null : convert(value, parameters[i].getType());
            }
            return arguments;
        }

        /** The request path and query for a call with these arguments; null query arguments are left out. */
        public String uri(Object[] arguments) {
            Parameter[] parameters = method.getParameters();
            String path = template;
            List<String> query = new ArrayList<>();
            for (int i = 0; i < parameters.length; i++) {
                PathParam pathParam = parameters[i].getAnnotation(PathParam.class);
                QueryParam queryParam = parameters[i].getAnnotation(QueryParam.class);
                if (pathParam != null) {
                    path = path.replace("{" + pathParam.value() + "}", encode(String.valueOf(arguments[i])));
                } else if (queryParam != null && arguments[i] != null) {
                    query.add(queryParam.value() + "=" + encode(String.valueOf(arguments[i])));
                }
            }
            return query.isEmpty() ? path : path + "?" + String.join("&", query);
        }
    }

    /** Every operation of {@code api}, literal paths before templated ones of the same shape. */
    public static List<Operation> of(Class<?> api) {
        String base = Optional.ofNullable(api.getAnnotation(Path.class)).map(Path::value).orElse("");
        List<Operation> operations = new ArrayList<>();
        for (Method method : api.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            Optional<String> httpMethod = httpMethodOf(method);
            if (httpMethod.isEmpty() || path == null) {
                continue;
            }
            String template = join(base, path.value());
            List<String> names = new ArrayList<>();
            Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (parameter.find()) {
                regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("([^/]+)");
                names.add(parameter.group(1));
                last = parameter.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            operations.add(new Operation(httpMethod.get(), method, template, Pattern.compile(regex.toString()), List.copyOf(names)));
        }
        operations.sort(Comparator.comparing((Operation o) -> o.templateNames().size()).thenComparing(Operation::template));
        return List.copyOf(operations);
    }

    /** The operations of several APIs together. */
    public static List<Operation> of(Class<?>... apis) {
        return Arrays.stream(apis).flatMap(api -> of(api).stream()).toList();
    }

    /** GET, PUT, POST, DELETE…: the annotation that is itself annotated {@code @HttpMethod}. */
    private static Optional<String> httpMethodOf(Method method) {
        return Arrays.stream(method.getAnnotations()).map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(m -> m != null)
                .map(HttpMethod::value).findFirst();
    }

    private static String join(String base, String path) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return left + (path.startsWith("/") ? path : "/" + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Object convert(String value, Class<?> type) {
        if (type == String.class) {
            return value;
        }
        if (type == long.class || type == Long.class) {
            return value == null ? (type == long.class ? 0L : null) : Long.parseLong(value);
        }
        if (type == int.class || type == Integer.class) {
            return value == null ? (type == int.class ? 0 : null) : Integer.parseInt(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return value == null ? (type == boolean.class ? false : null) : Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("No conversion of a request parameter to " + type.getName());
    }
}
