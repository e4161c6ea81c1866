package io.aclens.console.security;

import io.aclens.console.account.Account;
import io.aclens.console.account.AccountService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a sign-in form's e-mail address and password against the account's Argon2id hash. An unknown, disabled or not yet
 * activated account costs the same hash as a wrong password, so the answer's time tells nothing about which it was.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private static final String DECOY = PasswordHashes.hash("no account has this password");

    private final AccountService accounts;

    public AccountIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String password = new String(request.getPassword().getPassword());
        return accounts.byEmail(request.getUsername()).flatMap(account -> OffTheEventLoop.compute(() -> {
            Account usable = usable(account);
            boolean matches = PasswordHashes.matches(password, usable != null ? usable.passwordHash : DECOY);
            return matches ? usable : null;
        })).flatMap(account -> {
            if (account == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Wrong e-mail address or password"));
            }
            return accounts.signedIn(account.email).map(ignored -> ConsoleUser.identityOf(account));
        });
    }

    static Account usable(Account account) {
        return account != null && account.canSignIn() ? account : null;
    }
}
