package io.aclens.support.security;

import io.aclens.support.rest.ProblemException;
import java.util.Set;

/**
 * The clients a caller may see: every client for the MSP's own roles and the services, else those its token names.
 * A client outside the scope is answered as if it did not exist (404), so a token never confirms another client.
 */
public record ClientScope(boolean allClients, Set<String> clients) {
    public ClientScope {
        clients = Set.copyOf(clients);
    }

    public boolean includes(String clientId) {
        return allClients || clients.contains(clientId);
    }

    /** Passes when the caller may see {@code clientId}; otherwise a 404 that does not say whether the client exists. */
    public void require(String clientId) {
        if (clientId == null || !includes(clientId)) {
            throw ProblemException.notFound("No client " + clientId + " is known to this token");
        }
    }

    /** For a thing found by id: it is visible when its client is, else it is "not found" like an unknown id. */
    public <T> T visible(T found, String clientIdOfFound, String what) {
        if (found == null || !includes(clientIdOfFound)) {
            throw ProblemException.notFound("No " + what);
        }
        return found;
    }
}
