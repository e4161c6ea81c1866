package io.aclens.support.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;

/**
 * Records every /api/v1 call made with a token in the audit trail: the client comes from the path ({@code {clientId}}), or,
 * for a call by id (a snapshot, a report), from the answer itself — the views all name their client.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {
    private static final java.util.regex.Pattern DOWNLOAD_TOKEN = java.util.regex.Pattern.compile("/downloads/[^/]+");
    private final AuditTrail trail;

    @Context
    ResourceInfo resource;

    public AuditFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        path = DOWNLOAD_TOKEN.matcher(path).replaceAll("/downloads/(link)"); // a download link's token is a credential
        SecurityContext security = request.getSecurityContext();
        Optional<Method> method = matchedMethod();
        // a request refused before any resource matched it (415, say) has no path parameters to ask for
        String clientId = method.isPresent() ? request.getUriInfo().getPathParameters().getFirst("clientId") : null;
        if (clientId == null && response.getStatus() < 300) {
            clientId = clientOf(response.getEntity());
        }
        String operation = method.map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).orElse(null);
        trail.record(security == null ? null : security.getUserPrincipal(), role -> security != null && security.isUserInRole(role), new AuditTrail.Call(clientId, request.getMethod(), operation, path, response.getStatus()));
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
