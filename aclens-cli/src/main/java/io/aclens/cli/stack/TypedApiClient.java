package io.aclens.cli.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ApiOperations;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed read API of the contracts ({@code SnapshotReadApi}, …) called over the command's own HTTP client: the paths,
 * parameters and answers are the interface's, the same the services serve and their REST clients call. The command has
 * no Quarkus REST client, so this small proxy stands in for it.
 */
public final class TypedApiClient {
    private static final ObjectMapper JSON = EventCodec.mapper();

    private TypedApiClient() {
    }

    /** @param get answers a GET of a path and query with the body, or empty for 404; any other answer is its own failure */
    public static <T> T of(Class<T> api, Function<String, Optional<String>> get) {
        Map<Method, ApiOperations.Operation> operations = new HashMap<>();
        ApiOperations.of(api).stream().filter(operation -> operation.httpMethod().equals("GET"))
                .forEach(operation -> operations.put(operation.method(), operation));
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, (self, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? api.getSimpleName() + " client"
                        : method.getName().equals("hashCode") ? System.identityHashCode(self) : self == arguments[0];
            }
            ApiOperations.Operation operation = operations.get(method);
            if (operation == null) {
                throw new UnsupportedOperationException(method + " is no GET operation of " + api.getSimpleName());
            }
            Optional<String> body = get.apply(operation.uri(arguments == null ? new Object[0] : arguments));
            Type answer = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
            return Uni.createFrom().item(body.map(json -> read(json, answer)).orElse(null));
        });
        return api.cast(proxy);
    }

    private static Object read(String json, Type type) {
        try {
            return JSON.readValue(json, JSON.constructType(type));
        } catch (IOException e) {
            throw new UncheckedIOException("Unexpected answer for " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }
}
