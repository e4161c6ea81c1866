package io.aclens.console.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Opens the console's one kind of session for a sign-in that did not come through the password form (single sign-on):
 * the same encrypted cookie, idle timeout and renewal the form mechanism gives, made by Quarkus' own login manager from the
 * form's configuration, so every later request, the idle timeout and signing out work the same whichever way one came in.
 */
@ApplicationScoped
public class ConsoleSessions {
    private final PersistentLoginManager logins;

    public ConsoleSessions() {
        VertxHttpConfig http = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class);
        FormAuthConfig form = http.auth().form();
        String key = http.encryptionKey()
                .orElseThrow(() -> new IllegalStateException("quarkus.http.auth.session.encryption-key must be set"));
        // The arguments the form mechanism gives its own manager (FormAuthenticationMechanism's constructor).
        this.logins = new PersistentLoginManager(key, form.cookieName(), form.timeout().toMillis(), form.newCookieInterval().toMillis(),
                form.httpOnlyCookie(), form.cookieSameSite().name(), form.cookiePath().orElse(null),
                form.cookieMaxAge().map(Duration::toSeconds).orElse(-1L), form.cookieDomain().orElse(null));
    }

    /** Sets the session cookie naming the account on the response to {@code request}. */
    public void open(String email, RoutingContext request) {
        SecurityIdentity account = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(email)).build();
        logins.save(account, request, null, request.request().isSSL());
    }
}
