package io.aclens.cli.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ApiOperations;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed API of the contracts ({@code SnapshotReadApi}, {@code DeliveryWriteApi}, …) called over the command's own HTTP
 * client: the paths, parameters, bodies and answers are the interface's, the same the services serve and their REST
 * clients call. The command has no Quarkus REST client, so this small proxy stands in for it.
 */
public final class TypedApiClient {
    private static final ObjectMapper JSON = EventCodec.mapper();

    /** One call: its HTTP method, path and query, and body (null: none); the answer's body, or empty for 404. */
    @FunctionalInterface
    public interface Exchange {
        Optional<String> send(String method, String pathAndQuery, Object body);
    }

    private TypedApiClient() {
    }

    /** A read API: {@code get} answers a GET of a path and query with the body, or empty for 404. */
    public static <T> T of(Class<T> api, Function<String, Optional<String>> get) {
        return of(api, (method, path, body) -> {
            if (!method.equals("GET")) {
                throw new UnsupportedOperationException(method + " " + path + " is no GET operation of " + api.getSimpleName());
            }
            return get.apply(path);
        });
    }

    /** Any API: each of its operations is one {@code exchange}, its answer read as the operation's type. */
    public static <T> T of(Class<T> api, Exchange exchange) {
        Map<Method, ApiOperations.Operation> operations = new HashMap<>();
        ApiOperations.of(api).forEach(operation -> operations.put(operation.method(), operation));
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, (self, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? api.getSimpleName() + " client"
                        : method.getName().equals("hashCode") ? System.identityHashCode(self) : self == arguments[0];
            }
            ApiOperations.Operation operation = operations.get(method);
            if (operation == null) {
                throw new UnsupportedOperationException(method + " is no operation of " + api.getSimpleName());
            }
            Object[] values = arguments == null ? new Object[0] : arguments;
            Optional<String> answer = exchange.send(operation.httpMethod(), operation.uri(values), body(method, values));
            Type type = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
            return Uni.createFrom().item(type == Void.class ? null : answer.filter(json -> !json.isBlank()).map(json -> read(json, type)).orElse(null));
        });
        return api.cast(proxy);
    }

    /** The argument that is neither a path nor a query parameter: the request's body, or null. */
    private static Object body(Method method, Object[] arguments) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAnnotationPresent(PathParam.class) && !parameters[i].isAnnotationPresent(QueryParam.class)) {
                return arguments[i];
            }
        }
        return null;
    }

    private static Object read(String json, Type type) {
        try {
            return JSON.readValue(json, JSON.constructType(type));
        } catch (IOException e) {
            throw new UncheckedIOException("Unexpected answer for " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }
}
