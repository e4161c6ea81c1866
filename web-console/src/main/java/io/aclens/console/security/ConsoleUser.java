package io.aclens.console.security;

import io.aclens.auth.Roles;
import io.aclens.console.account.Account;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.List;

/** Who is signed in, as the pages need it: their role, the clients they may see, the language they read. */
public record ConsoleUser(String email, String displayName, String role, List<String> clients, String language) {
    private static final String USER = "aclens.console.user";

    public static SecurityIdentity identityOf(Account account) {
        ConsoleUser user = new ConsoleUser(account.email, account.displayName, account.role, List.copyOf(account.clients), account.language);
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(account.email)).addRole(account.role)
                .addAttribute(USER, user).build();
    }

    /** The signed-in user, or null for an anonymous request. */
    public static ConsoleUser of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(USER);
    }

    /** MSP staff see every client; a client viewer only theirs. */
    public boolean seesEveryClient() {
        return Roles.ALL_CLIENTS.contains(role);
    }

    public boolean sees(String clientId) {
        return seesEveryClient() || clients.contains(clientId);
    }

    public boolean mspStaff() {
        return Roles.MSP_STAFF.contains(role);
    }

    public boolean admin() {
        return role.equals(Roles.MSP_ADMIN);
    }

    public java.util.Locale locale() {
        return java.util.Locale.forLanguageTag(language);
    }
}
