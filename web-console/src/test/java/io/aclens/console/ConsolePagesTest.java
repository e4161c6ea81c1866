package io.aclens.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.aclens.auth.Roles;
import io.aclens.console.account.AccountService;
import io.aclens.console.security.Totp;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in and pages over a stubbed API: invitations (by an administrator's token or page), passwords set
 * once, CSRF on every form, the session cookie, a client viewer kept to their client, a disabled account's session ended.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(ApiStub.class)
class ConsolePagesTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final String CSRF_COOKIE = "aclens-csrf";
    private static final String SESSION_COOKIE = "aclens-console";

    @Inject
    AccountService accounts;

    /** A form page's CSRF cookie and hidden field, as a browser holds them. */
    private record Form(String cookie, String field) {
        static Form of(Response page) {
            Matcher field = CSRF_FIELD.matcher(page.asString());
            assertThat(field.find()).as("the form carries a CSRF field").isTrue();
            return new Form(page.cookie(CSRF_COOKIE), field.group(1));
        }
    }

    private static String invite(String email, String role, List<String> clients, String language) {
        return TestTokens.as(TestTokens.token(Roles.MSP_ADMIN)).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Test " + email, "role", role, "clients", clients, "language", language))
                .post("/console/api/invitations").then().statusCode(201).extract().path("link");
    }

    private static String path(String link) {
        return link.replaceFirst("^https?://[^/]+", "");
    }

    /** Sets the password through the invitation page and signs in; returns the session cookie. */
    private static String activate(String email, String link, String password) {
        Response page = given().get(path(link)).then().statusCode(200).extract().response();
        Form form = Form.of(page);
        given().redirects().follow(false).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field()).formParam("password", password)
                .post(path(link)).then().statusCode(303);
        return signIn(email, password);
    }

    private static String signIn(String email, String password) {
        Response signedIn = given().redirects().follow(false).formParam("j_username", email).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/clients");
        return signedIn.cookie(SESSION_COOKIE);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    @Test
    void withoutSingleSignOnConfiguredThereIsNoButtonAndNoWayIn() {
        given().get("/sign-in").then().statusCode(200).body(not(containsString("sign-in-sso")));
        Response attempt = given().redirects().follow(false).get("/oidc/sign-in");
        assertThat(attempt.statusCode()).as("refused, or sent to the password form").isIn(302, 401);
        if (attempt.statusCode() == 302) {
            assertThat(attempt.header("Location")).endsWith("/sign-in");
        }
        assertThat(attempt.cookie(SESSION_COOKIE)).isNull();
    }

    @Test
    void invitationsAreMadeByAdministratorsOnly() {
        given().contentType("application/json").body(Map.of("email", "x@example.test", "role", Roles.CLIENT_VIEWER))
                .post("/console/api/invitations").then().statusCode(401);
        TestTokens.as(TestTokens.token(Roles.CLIENT_VIEWER, "acme")).contentType("application/json")
                .body(Map.of("email", "x@example.test", "role", Roles.CLIENT_VIEWER, "clients", List.of("acme")))
                .post("/console/api/invitations").then().statusCode(403);
        TestTokens.as(TestTokens.token(Roles.MSP_ADMIN)).contentType("application/json")
                .body(Map.of("email", "x@example.test", "role", Roles.CLIENT_VIEWER)).post("/console/api/invitations").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("name at least one"));
        TestTokens.as(TestTokens.token(Roles.MSP_ADMIN)).contentType("application/json")
                .body(Map.of("email", "x@example.test", "role", Roles.AGENT, "clients", List.of("acme"))).post("/console/api/invitations").then()
                .statusCode(400);
    }

    @Test
    void anInvitationSetsAStrongPasswordOnceAndThenTheAccountSignsIn() {
        String email = unique("viewer");
        String link = invite(email, Roles.CLIENT_VIEWER, List.of(ApiStub.CLIENT), "en");
        Response page = given().get(path(link)).then().statusCode(200).body(containsString(email)).extract().response();
        Form form = Form.of(page);

        given().redirects().follow(false).formParam("password", "a perfectly long password").post(path(link)).then().statusCode(400);
        given().cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field()).formParam("password", "short").post(path(link)).then()
                .statusCode(400).body(containsString("too short"));
        given().cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field()).formParam("password", email).post(path(link)).then()
                .statusCode(400).body(containsString("must not be your e-mail"));
        given().redirects().follow(false).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("password", "a perfectly long password").post(path(link)).then().statusCode(303);
        given().get(path(link)).then().statusCode(200).body(containsString("expired or was used"));
        TestTokens.as(TestTokens.token(Roles.MSP_ADMIN)).contentType("application/json")
                .body(Map.of("email", email, "role", Roles.CLIENT_VIEWER, "clients", List.of("acme"))).post("/console/api/invitations").then().statusCode(409);

        Response wrong = given().redirects().follow(false).formParam("j_username", email).formParam("j_password", "not the password")
                .post("/j_security_check");
        assertThat(wrong.header("Location")).contains("/sign-in?error=true");
        String session = signIn(email, "a perfectly long password");
        given().cookie(SESSION_COOKIE, session).get("/clients").then().statusCode(200).body(containsString("data-client=\"acme\""))
                .body(not(containsString("data-client=\"globex\"")));
    }

    @Test
    void aClientViewerFindsNothingOfAnotherClientNorOfOtherRoles() {
        String email = unique("viewer");
        String session = activate(email, invite(email, Roles.CLIENT_VIEWER, List.of(ApiStub.CLIENT), "ru"), "a perfectly long password");

        given().cookie(SESSION_COOKIE, session).get("/clients/acme/matrix").then().statusCode(200).body(containsString("Матрица доступа"))
                .body(containsString("data-path=\"D:\\Data\""));
        given().cookie(SESSION_COOKIE, session).queryParam("under", "D:\\Data").get("/clients/acme/matrix/rows").then().statusCode(200)
                .body(containsString("data-path=\"D:\\Data\\Payroll\""));
        given().cookie(SESSION_COOKIE, session).queryParam("user", "anna").queryParam("path", "D:\\Data\\Payroll").get("/clients/acme/matrix/cell")
                .then().statusCode(200).body(containsString("Изменение через Finance"));
        for (String elsewhere : List.of("/clients/globex", "/clients/globex/matrix", "/clients/globex/matrix/cell?user=anna&path=x", "/operations",
                "/accounts")) {
            Response answer = given().cookie(SESSION_COOKIE, session).get(elsewhere);
            assertThat(answer.statusCode()).as(elsewhere).isEqualTo(404);
            assertThat(answer.asString()).as(elsewhere).contains("Не найдено или недоступно вам.");
        }
        given().redirects().follow(false).get("/clients/acme").then().statusCode(302)
                .header("Location", containsString("/sign-in"));

        Response deliveries = given().cookie(SESSION_COOKIE, session).get("/clients/acme/deliveries").then().statusCode(200)
                .body(containsString("director@acme.example")).body(not(containsString("subscription-form"))).extract().response();
        Form form = Form.of(deliveries);
        Response refused = given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("name", "mine").formParam("to", "viewer@acme.example").post("/clients/acme/deliveries/subscriptions");
        assertThat(refused.statusCode()).as("a client viewer changes no subscription").isEqualTo(404);
        assertThat(refused.asString()).contains("Не найдено или недоступно вам.");
    }

    @Test
    void aFolderShowsWhoCanAccessItAndItsAclAndAPersonWhatTheyReachAndChangesComeByPeriodAndAsCsv() {
        String email = unique("viewer");
        String session = activate(email, invite(email, Roles.CLIENT_VIEWER, List.of(ApiStub.CLIENT), "en"), "a perfectly long password");

        given().cookie(SESSION_COOKIE, session).queryParam("path", "D:\\Data\\Payroll").get("/clients/acme/folder").then().statusCode(200)
                .body(containsString("data-login=\"anna\"")).body(containsString("Modify via Finance (allow, explicit)"))
                .body(containsString("inherited from D:\\Data"));
        given().cookie(SESSION_COOKIE, session).get("/clients/acme/people").then().statusCode(200).body(containsString("Anna Petrova"));
        given().cookie(SESSION_COOKIE, session).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/clients/acme/people/anna")
                .then().statusCode(200).body(containsString("D:\\Data\\Payroll")).body(containsString("joined Finance"));
        given().cookie(SESSION_COOKIE, session).queryParam("at", "2026-03-31").get("/clients/acme/people/anna").then().statusCode(200)
                .body(containsString("D:\\Data\\Payroll as of 2026-03-31T23:59:59Z")).body(containsString("as of the end of 2026-03-31"));
        given().cookie(SESSION_COOKIE, session).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/clients/acme/changes").then()
                .statusCode(200).body(containsString("joined Finance"));
        given().cookie(SESSION_COOKIE, session).queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").get("/clients/acme/changes").then()
                .statusCode(200).body(not(containsString("joined Finance")));
        given().cookie(SESSION_COOKIE, session).queryParam("from", "2026-11-30").queryParam("to", "2026-11-01").get("/clients/acme/changes").then()
                .statusCode(400);
        Response csv = given().cookie(SESSION_COOKIE, session).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/clients/acme/changes/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("aclens-acme-changes-2026-11-01-2026-11-30.csv");
        assertThat(csv.asString()).startsWith("\uFEFF\"detected\",").contains("\"anna\",\"Anna Petrova\"", "\"joined Finance\"");
        given().cookie(SESSION_COOKIE, session).get("/clients/globex/changes/export.csv").then().statusCode(404);
        given().cookie(SESSION_COOKIE, session).queryParam("path", "D:\\Data\\Payroll").get("/clients/acme/folder/export.csv").then()
                .statusCode(200).body(containsString("\"anna\",\"Anna Petrova\",\"Modify (read, change, delete)\""));
        given().cookie(SESSION_COOKIE, session).get("/clients/acme/people/anna/export.csv").then().statusCode(200)
                .body(containsString("\"fs1:data\",\"D:\\Data\\Payroll\",\"Modify (read, change, delete)\""));
        given().cookie(SESSION_COOKIE, session).get("/clients/globex/people/anna/export.csv").then().statusCode(404);
        given().cookie(SESSION_COOKIE, session).get("/clients/acme/deliveries").then().statusCode(200)
                .body(containsString("director@acme.example")).body(containsString("SMTP 451 try later"));
        given().cookie(SESSION_COOKIE, session).get("/clients/acme/findings.csv").then().statusCode(200)
                .body(containsString("\"HIGH\",\"Everyone may change files\""));
    }

    @Test
    void mspStaffSeeEveryClientWithFindingsAndAWarningWhenThePipelineLags() {
        String email = unique("operator");
        String session = activate(email, invite(email, Roles.MSP_OPERATOR, List.of(), "en"), "a perfectly long password");

        String clients = given().cookie(SESSION_COOKIE, session).get("/clients").then().statusCode(200).extract().asString();
        assertThat(clients).contains("data-client=\"acme\"", "data-client=\"globex\"", "Acme Ltd", "aclens-report is 613 s behind",
                "2027-01-01 03:00 UTC");
        String operations = given().cookie(SESSION_COOKIE, session).get("/operations").then().statusCode(200).extract().asString();
        assertThat(operations).contains("aclens.scans.v1.dlq", "RUNNING", "<progress max=\"100\" value=\"50\">").doesNotContain("COMPLETED");
        given().cookie(SESSION_COOKIE, session).get("/accounts").then().statusCode(404);
        given().cookie(SESSION_COOKIE, session).get("/clients/acme").then().statusCode(200).body(containsString("Everyone may change files"));
    }

    @Test
    void theLanguageIsTheUsersAndAFormWithoutItsTokenChangesNothing() {
        String email = unique("viewer");
        String session = activate(email, invite(email, Roles.CLIENT_VIEWER, List.of(ApiStub.CLIENT), "en"), "a perfectly long password");
        Response clients = given().cookie(SESSION_COOKIE, session).get("/clients").then().statusCode(200).body(containsString("<h1>Clients</h1>"))
                .extract().response();
        Form form = Form.of(clients);

        given().redirects().follow(false).cookie(SESSION_COOKIE, session).formParam("language", "ru").post("/language").then().statusCode(400);
        given().cookie(SESSION_COOKIE, session).get("/clients").then().body(containsString("<h1>Clients</h1>"));
        given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("language", "ru").header("Referer", "http://elsewhere.example/clients/acme?x=1").post("/language").then()
                .statusCode(303).header("Location", equalTo("http://localhost:" + io.restassured.RestAssured.port + "/clients/acme?x=1"));
        given().cookie(SESSION_COOKIE, session).get("/clients").then().body(containsString("<h1>Клиенты</h1>"));
    }

    @Test
    void anAdministratorInvitesAndDisablesAccountsOnTheAccountsPage() {
        String admin = unique("admin");
        String session = activate(admin, invite(admin, Roles.MSP_ADMIN, List.of(), "en"), "a perfectly long password");
        Form form = Form.of(given().cookie(SESSION_COOKIE, session).get("/accounts").then().statusCode(200).extract().response());
        String viewer = unique("viewer");

        String invited = given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("email", viewer).formParam("displayName", "Vera Viewer").formParam("role", Roles.CLIENT_VIEWER)
                .formParam("clients", " acme , ").formParam("language", "ru").post("/accounts").then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("<code id=\"invitation-link\">([^<]+)</code>").matcher(invited);
        assertThat(link.find()).isTrue();
        String viewerSession = activate(viewer, link.group(1), "another long password");
        given().cookie(SESSION_COOKIE, viewerSession).get("/clients").then().statusCode(200).body(containsString("<h1>Клиенты</h1>"));

        given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("email", "no-client@example.test").formParam("role", Roles.CLIENT_VIEWER).post("/accounts").then().statusCode(200)
                .body(containsString("name at least one"));
        given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("email", viewer).formParam("disabled", "true").post("/accounts/disabled").then().statusCode(200);
        given().redirects().follow(false).cookie(SESSION_COOKIE, viewerSession).get("/clients").then().statusCode(302);
        given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("email", admin).formParam("disabled", "true").post("/accounts/disabled").then().statusCode(200)
                .body(containsString("cannot disable your own"));
    }

    @Test
    void aSecondFactorOnceOnIsAskedAtEverySignInAndEachCodeWorksOnce() {
        String email = unique("careful");
        String session = activate(email, invite(email, Roles.MSP_OPERATOR, List.of(), "en"), "a perfectly long password");
        Response page = given().cookie(SESSION_COOKIE, session).get("/account").then().statusCode(200).extract().response();
        Form form = Form.of(page);
        Matcher secret = Pattern.compile("<code id=\"totp-secret\">([A-Z2-7]+)</code>").matcher(page.asString());
        assertThat(secret.find()).isTrue();
        assertThat(page.asString()).as("the phone's app takes the secret from a QR code").contains("<figure id=\"totp-qr\"><svg");
        long step = Totp.stepAt(java.time.Instant.now());

        given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("secret", secret.group(1)).formParam("code", Totp.code(secret.group(1), step + 5)).post("/account/second-factor").then()
                .statusCode(200).body(containsString("not right"));
        given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", form.field())
                .formParam("secret", secret.group(1)).formParam("code", Totp.code(secret.group(1), step)).post("/account/second-factor").then()
                .statusCode(200).body(containsString("Two-step sign-in is on."));

        Response withoutCode = given().redirects().follow(false).formParam("j_username", email).formParam("j_password", "a perfectly long password")
                .post("/j_security_check");
        assertThat(withoutCode.header("Location")).contains("/sign-in?error=true");
        Response replayed = given().redirects().follow(false).formParam("j_username", email).formParam("j_password", "a perfectly long password")
                .formParam("code", Totp.code(secret.group(1), step)).post("/j_security_check");
        assertThat(replayed.header("Location")).as("the code that turned it on is used up").contains("/sign-in?error=true");
        Response signedIn = given().redirects().follow(false).formParam("j_username", email).formParam("j_password", "a perfectly long password")
                .formParam("code", Totp.code(secret.group(1), step + 1)).post("/j_security_check");
        assertThat(signedIn.header("Location")).endsWith("/clients");
    }

    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequest() throws Throwable {
        String email = unique("viewer");
        String session = activate(email, invite(email, Roles.CLIENT_VIEWER, List.of(ApiStub.CLIENT), "en"), "a perfectly long password");
        given().cookie(SESSION_COOKIE, session).get("/clients").then().statusCode(200);

        VertxContextSupport.subscribeAndAwait(() -> accounts.setDisabled(email, true));

        given().redirects().follow(false).cookie(SESSION_COOKIE, session).get("/clients").then().statusCode(302)
                .header("Location", containsString("/sign-in"));
        Response again = given().redirects().follow(false).formParam("j_username", email).formParam("j_password", "a perfectly long password")
                .post("/j_security_check");
        assertThat(again.header("Location")).contains("/sign-in?error=true");
    }
}
