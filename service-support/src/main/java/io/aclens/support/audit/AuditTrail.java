package io.aclens.support.audit;

import io.aclens.auth.Roles;
import io.aclens.contracts.AuditRecorded;
import io.aclens.support.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes one {@link AuditRecorded} per API call made with a token, on the "audit" channel (acks=all), without
 * holding up the answer. Calls between the services (role {@code service}) are pipeline traffic, not someone reading a
 * client's data, and are left out.
 */
@ApplicationScoped
public class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final MutinyEmitter<byte[]> emitter;
    private final String service;

    public AuditTrail(@Channel("audit") MutinyEmitter<byte[]> emitter, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emitter = emitter;
        this.service = service;
    }

    /** What was asked and answered; the caller comes from the request's identity. */
    public record Call(String clientId, String method, String operation, String path, int status) {
    }

    /** Records the call if a caller made it with a token ({@code caller} null: anonymous) holding {@code roles}. */
    public void record(Principal caller, Set<String> roles, Call call) {
        if (caller == null || roles.contains(Roles.SERVICE)) {
            return;
        }
        String tokenId = caller instanceof JsonWebToken jwt ? jwt.getTokenID() : null;
        String role = Roles.ALL.stream().filter(roles::contains).sorted().findFirst().orElse(null);
        AuditRecorded entry = new AuditRecorded(UUID.randomUUID().toString(), call.clientId(), Instant.now(), service, tokenId,
                caller.getName(), role, call.method(), call.operation(), call.path(), call.status());
        try {
            emitter.sendMessageAndForget(EventMessages.of(entry, service));
        } catch (RuntimeException e) {
            LOG.warnf("Could not publish the audit entry of %s %s by %s: %s", call.method(), call.path(), entry.holder(), e.getMessage());
        }
    }
}
