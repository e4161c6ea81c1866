package io.aclens.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.aclens.auth.Roles;
import io.aclens.console.account.AccountService;
import io.aclens.console.account.SingleSignOn;
import io.aclens.embedded.EmbeddedKeycloak;
import io.aclens.testing.DebianChromium;
import io.aclens.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on for MSP staff through the MSP's identity provider — a real Keycloak — in a real browser (Debian's
 * chromium): the button on the sign-in page, Keycloak's own sign-in page, back to the console signed in as the invited
 * account; refused, with the reason shown, for someone never invited, a client viewer's account and a disabled account.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(ApiStub.class)
@WithTestResource(KeycloakResource.class)
class SingleSignOnTest {
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static DebianChromium chromium;
    private static Browser browser;

    @Inject
    AccountService accounts;

    @TestHTTPResource("/sign-in")
    URL signInPage;

    @BeforeAll
    static void browser() {
        chromium = DebianChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void invite(String email, String role, List<String> clients) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> accounts.invite(email, "Test " + email, role, clients, "en", "admin@msp.example"));
    }

    /** Opens the console's sign-in page, takes the identity provider's button and signs in there; returns the page. */
    private Page signInThroughKeycloak(BrowserContext browsing, EmbeddedKeycloak.User user) {
        Page page = browsing.newPage();
        page.navigate(signInPage.toString());
        page.click("#sign-in-sso");
        page.waitForSelector("#kc-login");
        page.fill("#username", user.username());
        page.fill("#password", user.password());
        page.click("#kc-login");
        page.waitForURL(url -> url.contains("/clients") || url.contains("/sign-in?"));
        return page;
    }

    @Test
    void anInvitedMspOperatorSignsInThroughTheIdentityProviderAndGetsAnOrdinarySession() throws Throwable {
        invite(KeycloakResource.OLGA.email(), Roles.MSP_OPERATOR, List.of());
        try (BrowserContext browsing = browser.newContext()) {
            Page signIn = browsing.newPage();
            signIn.navigate(signInPage.toString());
            assertThat(signIn.textContent("#sign-in-sso")).isEqualTo("Sign in with Keycloak");
            signIn.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-sign-in.png")));
            signIn.close();
            Page page = signInThroughKeycloak(browsing, KeycloakResource.OLGA);
            page.waitForURL(url -> url.endsWith("/clients"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-signed-in.png")));
            assertThat(page.content()).contains("data-client=\"acme\"", "data-client=\"globex\"", "Test olga@msp.example");
            assertThat(browsing.cookies()).as("the console's own session, not the identity provider's")
                    .anySatisfy(cookie -> assertThat(cookie.name).isEqualTo("aclens-console"))
                    .noneSatisfy(cookie -> assertThat(cookie.name).startsWith("q_session"));

            page.navigate(signInPage.toString().replace("/sign-in", "/operations"));
            assertThat(page.url()).endsWith("/operations");
            page.click("#sign-out");
            page.waitForURL(url -> url.contains("/sign-in"));
            page.navigate(signInPage.toString().replace("/sign-in", "/clients"));
            assertThat(page.url()).as("signed out: the pages ask for a sign-in again").contains("/sign-in");
        }
        var account = VertxContextSupport.subscribeAndAwait(() -> accounts.byEmail(KeycloakResource.OLGA.email()));
        assertThat(account.takenUp()).isTrue();
        assertThat(account.invitationHash).as("the invitation is taken up").isNull();
        assertThat(account.idpSubject).isNotBlank();
    }

    @Test
    void whoeverTheConsoleDoesNotKnowAsMspStaffIsRefusedWithTheReason() throws Throwable {
        invite(KeycloakResource.VERA.email(), Roles.CLIENT_VIEWER, List.of(ApiStub.CLIENT));
        invite(KeycloakResource.PAVEL.email(), Roles.MSP_ADMIN, List.of());
        VertxContextSupport.subscribeAndAwait(() -> accounts.setDisabled(KeycloakResource.PAVEL.email(), true));
        Map<EmbeddedKeycloak.User, String> refusals = Map.of(
                KeycloakResource.IVAN, "has no ACLens account",
                KeycloakResource.VERA, "sign in with their ACLens password",
                KeycloakResource.PAVEL, "is disabled");
        for (var refusal : refusals.entrySet()) {
            try (BrowserContext browsing = browser.newContext()) {
                Page page = signInThroughKeycloak(browsing, refusal.getKey());
                assertThat(page.url()).contains("/sign-in?sso=");
                assertThat(page.textContent("#sso-refused")).contains(refusal.getValue());
                page.navigate(signInPage.toString().replace("/sign-in", "/clients"));
                assertThat(page.url()).as(refusal.getKey().username() + " got no session").contains("/sign-in");
            }
        }
    }

    @Test
    void anAccountBoundToOnePersonAtTheIdentityProviderRefusesAnother() throws Throwable {
        String email = "bound@msp.example";
        invite(email, Roles.MSP_ADMIN, List.of());
        String issuer = "https://idp.msp.example/realms/staff";
        assertThat(VertxContextSupport.subscribeAndAwait(() -> accounts.signedInThroughIdentityProvider(email, issuer, "subject-1")))
                .isEqualTo(SingleSignOn.SIGNED_IN);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> accounts.signedInThroughIdentityProvider(email, issuer, "subject-1")))
                .isEqualTo(SingleSignOn.SIGNED_IN);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> accounts.signedInThroughIdentityProvider(email, issuer, "subject-2")))
                .isEqualTo(SingleSignOn.ANOTHER_PERSON);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> accounts.signedInThroughIdentityProvider(email, "https://other.example", "subject-1")))
                .isEqualTo(SingleSignOn.ANOTHER_PERSON);
    }
}
