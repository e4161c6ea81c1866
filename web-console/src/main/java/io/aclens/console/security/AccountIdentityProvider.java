package io.aclens.console.security;

import io.aclens.console.account.Account;
import io.aclens.console.account.AccountService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

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
        String code = oneTimeCode(request);
        return accounts.byEmail(request.getUsername()).flatMap(account -> OffTheEventLoop.compute(() -> {
            Account usable = usable(account);
            boolean matches = PasswordHashes.matches(password, usable != null ? usable.passwordHash : DECOY);
            return matches ? usable : null;
        })).flatMap(account -> {
            if (account == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Wrong e-mail address or password"));
            }
            long step = account.totpSecret == null ? 0 : Totp.verify(account.totpSecret, code, Instant.now(), account.totpLastStep);
            if (step < 0) {
                return Uni.createFrom().failure(new AuthenticationFailedException("The one-time code is missing or wrong"));
            }
            return accounts.signedIn(account.email, step).map(ignored -> ConsoleUser.identityOf(account))
                    .onFailure(IllegalStateException.class).transform(used -> new AuthenticationFailedException(used.getMessage()));
        });
    }

    /** The sign-in form's one-time code field, beside the e-mail address and password the form mechanism reads. */
    private static String oneTimeCode(UsernamePasswordAuthenticationRequest request) {
        RoutingContext form = HttpSecurityUtils.getRoutingContextAttribute(request);
        return form == null ? null : form.request().getFormAttribute("code");
    }

    private static Account usable(Account account) {
        return account != null && account.canSignIn() && account.passwordHash != null ? account : null;
    }
}
