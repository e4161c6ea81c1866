package io.aclens.console.security;

import io.aclens.console.account.AccountService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the identity of a session cookie (which names only the account) from the account as it is now, on every
 * request: a disabled account, a changed role or client list takes effect at the next click, not at the cookie's expiry.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final AccountService accounts;

    public SessionIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return accounts.byEmail(request.getPrincipal()).map(account -> {
            if (account == null || !account.canSignIn()) {
                throw new AuthenticationFailedException("The account is disabled or gone");
            }
            return ConsoleUser.identityOf(account);
        });
    }
}
