package io.aclens.support.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.security.Principal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Records every /api/v1 call made with a token in the audit trail: the client comes from the path ({@code {clientId}}), or,
 * for a call by id (a snapshot, a report), from the answer itself — the views all name their client.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {
    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;

    @Context
    ResourceInfo resource;

    public AuditFilter(AuditTrail trail, CurrentIdentityAssociation identities) {
        this.trail = trail;
        this.identities = identities;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        Optional<Method> method = matchedMethod();
        if (method.isPresent()) {
            path = withoutCredentials(path, method.get(), request);
        }
        // a request refused before any resource matched it (415, say) has no path parameters to ask for
        String clientId = method.isPresent() ? request.getUriInfo().getPathParameters().getFirst("clientId") : null;
        if (clientId == null && response.getStatus() < 300) {
            clientId = clientOf(response.getEntity());
        }
        String operation = method.map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).orElse(null);
        // the principal from the request (a refused token has none; its identity cannot be asked for on the I/O thread),
        // then the caller's roles at once: asking the SecurityContext role by role looks the identity up again each time
        SecurityContext security = request.getSecurityContext();
        Principal caller = security == null ? null : security.getUserPrincipal();
        trail.record(caller, caller == null ? Set.of() : identities.getIdentity().getRoles(),
                new AuditTrail.Call(clientId, request.getMethod(), operation, path, response.getStatus()));
    }

    /** The path with the value of every {@link Credential} path parameter replaced. */
    private static String withoutCredentials(String path, Method method, ContainerRequestContext request) {
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            jakarta.ws.rs.PathParam name = parameter.getAnnotation(jakarta.ws.rs.PathParam.class);
            if (parameter.isAnnotationPresent(Credential.class) && name != null) {
                String value = request.getUriInfo().getPathParameters().getFirst(name.value());
                if (value != null && !value.isEmpty()) {
                    path = path.replace(value, "(" + name.value() + ")");
                }
            }
        }
        return path;
    }

    /** The resource method that served the request; none when it was refused before one matched (the request's ResourceInfo then cannot be had). */
    private Optional<Method> matchedMethod() {
        try {
            return Optional.ofNullable(resource.getResourceMethod());
        } catch (RuntimeException unmatched) {
            return Optional.empty();
        }
    }

    /** The {@code clientId} of an answer that is a record naming one, or a list of them (the first's). */
    static String clientOf(Object entity) {
        Object first = entity instanceof Collection<?> list ? list.stream().findFirst().orElse(null) : entity;
        if (first == null || !first.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : first.getClass().getRecordComponents()) {
            if (component.getName().equals("clientId") && component.getType() == String.class) {
                try {
                    return (String) component.getAccessor().invoke(first);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
