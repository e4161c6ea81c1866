package io.aclens.console.web;

import io.aclens.console.security.ConsoleUser;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.NotFoundException;

/** What every page does first: who is signed in, whether they may see the client asked for, and their language. */
final class Pages {
    private Pages() {
    }

    static ConsoleUser user(SecurityIdentity identity) {
        ConsoleUser user = ConsoleUser.of(identity);
        if (user == null) {
            throw new jakarta.ws.rs.NotAuthorizedException("Sign in first");
        }
        return user;
    }

    /** The signed-in user, when they may see {@code clientId}; another client is "not found", as if it did not exist. */
    static ConsoleUser userOf(SecurityIdentity identity, String clientId) {
        ConsoleUser user = user(identity);
        if (!user.sees(clientId)) {
            throw new NotFoundException();
        }
        return user;
    }

    static TemplateInstance localized(TemplateInstance page, ConsoleUser user) {
        return page.data("user", user).data("forms", true).setLocale(user.locale());
    }
}
